package org.dataembassy.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document is generated from the controllers (springdoc) and shown only to the API's roles; every
 * operation of {@code /api/**} is in it with a summary, a description, a problem+json error and examples, and the
 * committed docs/openapi.json is that document (refresh: {@code -Dopenapi.write=true}).
 */
@PortalIntegrationTest
@AutoConfigureMockMvc
class OpenApiDocumentIT {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").with(user("lena").roles("LEGAL_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATA_OWNER", "SECURITY_OFFICER", "EMERGENCY_COMMITTEE"})
    void onlyTheApisRolesSeeTheDocumentAndTheSwaggerUi(String role) throws Exception {
        mvc.perform(get("/v3/api-docs").with(user("someone").roles(role))).andExpect(status().isForbidden());
        mvc.perform(get("/swagger-ui/index.html").with(user("someone").roles(role))).andExpect(status().isForbidden());
        mvc.perform(get("/swagger-ui/index.html").with(user("aude").roles("AUDITOR"))).andExpect(status().isOk());
    }

    @Test
    void everyApiHandlerIsAnOperationWithSummaryDescriptionProblemAndExamples() throws Exception {
        JsonNode paths = document().path("paths");
        Set<String> documented = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> op = o.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                documented.add(name);
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText().isBlank() || operation.path("description").asText().isBlank()) {
                    missing.add(name + ": summary or description");
                }
                boolean problem = false;
                boolean example = false;
                boolean answers = false;
                for (Iterator<Map.Entry<String, JsonNode>> r = operation.path("responses").fields(); r.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = r.next();
                    if (response.getKey().startsWith("4") && response.getValue().path("content").has("application/problem+json")) {
                        problem = true;
                    }
                    if (response.getKey().startsWith("2") && response.getValue().has("content")) {
                        answers = true;
                        example |= response.getValue().path("content").findValue("example") != null;
                    }
                }
                if (!problem) {
                    missing.add(name + ": a problem+json error response");
                }
                if (answers && !example) {
                    missing.add(name + ": an example of its answer");
                }
                if (operation.has("requestBody") && operation.path("requestBody").path("content").findValue("example") == null) {
                    missing.add(name + ": an example of its request");
                }
            }
        }
        assertThat(missing).as("operations the document does not explain").isEmpty();
        Set<String> handlers = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            if (!m.getValue().getBeanType().isAnnotationPresent(ApiController.class)) {
                continue;
            }
            for (String pattern : m.getKey().getPatternValues()) {
                m.getKey().getMethodsCondition().getMethods().forEach(method -> handlers.add(method.name() + " " + pattern));
            }
        }
        assertThat(handlers).as("the API's handlers").isNotEmpty();
        assertThat(documented).as("every handler of the API is documented, and nothing else").isEqualTo(handlers);
    }

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws Exception {
        String generated = JSON.writeValueAsString(JSON.treeToValue(document(), Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, generated);
        }
        assertThat(Files.readString(COMMITTED)).as("docs/openapi.json is out of date: re-run with -Dopenapi.write=true")
                .isEqualTo(generated);
    }
}
