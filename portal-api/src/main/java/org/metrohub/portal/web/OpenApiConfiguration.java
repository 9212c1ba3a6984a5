package org.metrohub.portal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and its bearer-token scheme ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}). */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI metroHubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MetroHub API").version("v1")
                        .description("Identity, rooms and live events of the MetroHub streaming-services hub. "
                                + "Errors are RFC 9457 problem bodies."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
