package org.onewindow.gateway.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.onewindow.kernel.problem.model.Rejection;
import org.onewindow.kernel.text.LocalizedText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The web console (gateway/console, built into {@code static/} by Maven): its page at {@code /} and
 * at every address of its own (a reloaded or bookmarked {@code /clerk/...}), its hashed assets
 * cached for good. The page and assets are public (onewindow.security.public-paths); the console
 * logs in by itself and every API call it makes carries the token.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages implements WebMvcConfigurer {

    /** The addresses the console's router owns besides {@code /}: one per workspace. */
    static final List<String> PAGES =
            List.of("/clerk/**", "/applicant/**", "/approver/**", "/supervisor/**", "/admin/**");

    static final Resource INDEX = new ClassPathResource("static/index.html");

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @Bean
    RouterFunction<ServerResponse> consoleRoutes() {
        RequestPredicate pages =
                PAGES.stream().map(RequestPredicates::GET).reduce(RequestPredicates.GET("/"), RequestPredicate::or);
        return RouterFunctions.route(pages, request -> {
            if (!INDEX.exists()) {
                throw new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        "console.not-built",
                        new LocalizedText(
                                "本网关未包含 Web 控制台（构建时跳过了 console）",
                                "this gateway was built without the web console (-Dconsole.skip)"),
                        List.of());
            }
            return ServerResponse.ok().contentType(HTML).body(INDEX);
        });
    }

    /** Vite names every asset by its content hash: a changed file is a new address. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
    }
}
