package vn.binhdan.operate.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.binhdan.shared.web.ProblemWriter;

/** The request id first, then the admission bound, both before the security filters: a refusal costs nothing. */
@Configuration
class OperateConfig {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(OperateProperties props, ProblemWriter problems,
                                                            MeterRegistry meters) {
        FilterRegistrationBean<AdmissionFilter> bean = new FilterRegistrationBean<>(new AdmissionFilter(props, problems, meters));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }
}
