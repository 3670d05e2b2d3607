package org.onewindow.propertyregistration.register.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionAnnouncementTest {

    static Map<String, Object> data(Object buildings) {
        return Map.of(
                "projectCode", "2026-371502-47-03-000321",
                "projectName", "柳园新居",
                "buildings", buildings,
                "acceptedOn", "2026-11-24",
                "matterCode", "CP-9");
    }

    @Test
    void eachUnitOfEachBuildingIsReadyUnderItsOwnNumber() {
        CompletionAnnouncement announced = CompletionAnnouncement.read(
                        data(List.of(Map.of("building", "1号楼", "units", 2), Map.of("building", "2号楼", "units", 1))))
                .announcement()
                .orElseThrow();
        List<PropertyUnit> units = announced.units("LC");
        assertThat(units)
                .extracting(PropertyUnit::unitNumber)
                .containsExactly(
                        "371502000000GB00321F00010001", "371502000000GB00321F00010002", "371502000000GB00321F00020001");
        assertThat(units).allSatisfy(u -> {
            assertThat(UnitNumber.defect(u.unitNumber())).isEmpty();
            assertThat(u.status()).isEqualTo(PropertyUnit.Status.READY);
        });
        assertThat(units.get(2).address()).isEqualTo("柳园新居 2号楼 第 1 户");
    }

    @Test
    void whatCannotBeUsedIsNamed() {
        var read = CompletionAnnouncement.read(Map.of(
                "projectCode", "LC-1",
                "buildings", List.of(Map.of("building", "1号楼", "units", 2.5), Map.of("units", 3)),
                "acceptedOn", "24.11.2026"));
        assertThat(read.announcement()).isEmpty();
        assertThat(read.defects())
                .anyMatch(d -> d.startsWith("projectCode"))
                .anyMatch(d -> d.startsWith("projectName"))
                .anyMatch(d -> d.startsWith("acceptedOn is not a date"))
                .anyMatch(d -> d.contains("whole, non-negative number of units"));
        assertThat(CompletionAnnouncement.read(data(List.of(Map.of("building", "1号楼", "units", 20_001))))
                        .defects())
                .anyMatch(d -> d.contains("more than"));
        assertThat(CompletionAnnouncement.read(data(List.of())).defects())
                .containsExactly("buildings missing or empty");
    }

    @Test
    void aUnitNumberHasTwentyEightCharactersInTheStandardsShape() {
        assertThat(UnitNumber.defect("370404001001GB00001F00010101")).isEmpty();
        assertThat(UnitNumber.defect("370404001001GB00001X00010101")).isPresent();
        assertThat(UnitNumber.defect("1-101"))
                .hasValueSatisfying(w -> assertThat(w).contains("28 位"));
        assertThat(UnitNumber.defect(" ")).hasValue("请填写不动产单元号");
    }
}
