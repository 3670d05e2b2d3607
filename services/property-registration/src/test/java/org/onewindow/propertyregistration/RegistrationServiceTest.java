package org.onewindow.propertyregistration;

import java.util.List;
import java.util.Map;
import org.onewindow.kernel.catalogue.model.CatalogueLookup;
import org.onewindow.kernel.catalogue.model.Material;
import org.onewindow.kernel.catalogue.model.Matter;
import org.onewindow.testkit.WindowApplication;
import org.onewindow.testkit.WithDepartmentSystems;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the registration service tests share: the systems outside the platform (the testkit's
 * {@link WithDepartmentSystems}: 电子证照库 for 缮证, the tax office) and window applications built
 * from the catalogue.
 */
abstract class RegistrationServiceTest extends WithDepartmentSystems {

    static final String OWNER_USCC = "91110105MA01FC010D";
    static final String OWNER = "示例置业有限公司";

    @Autowired
    CatalogueLookup catalogue;

    /** The enterprise's window application with every material of the matter on paper but {@code left}. */
    String application(String jurisdiction, String matterCode, Map<String, Object> data, List<String> left) {
        Matter matter =
                catalogue.matter(catalogue.inForce(jurisdiction, java.time.LocalDate.of(2026, 11, 24)), matterCode);
        List<String> materials = matter.materials().stream()
                .map(Material::code)
                .filter(code -> !left.contains(code))
                .toList();
        return WindowApplication.onPaper(jurisdiction, matterCode, OWNER, OWNER_USCC, materials, data);
    }

    String application(String jurisdiction, String matterCode, Map<String, Object> data) {
        return application(jurisdiction, matterCode, data, List.of());
    }
}
