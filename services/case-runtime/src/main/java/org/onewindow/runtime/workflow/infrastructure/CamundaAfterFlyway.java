package org.onewindow.runtime.workflow.infrastructure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * The engine starts only after Flyway has created its tables ({@link V1_1__CamundaSchema}): Boot
 * makes the beans named here wait for every database initializer. Registered in spring.factories.
 */
public class CamundaAfterFlyway implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        Set<String> names = new HashSet<>();
        for (Class<?> type : List.of(ProcessEngineConfigurationImpl.class, ProcessEngineFactoryBean.class)) {
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                // a factory bean is named "&name" when asked for by its own type; Boot wants the bean name
                names.add(BeanFactoryUtils.transformedBeanName(name));
            }
        }
        return names;
    }
}
