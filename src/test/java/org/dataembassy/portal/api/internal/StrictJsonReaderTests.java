package org.dataembassy.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.MockHttpInputMessage;

class StrictJsonReaderTests {

    record Comment(String comment) {
    }

    record Draft(Integer basedOn) {
    }

    record Decision(Map<String, Object> input) {
    }

    private final StrictJsonReader reader = new StrictJsonReader(new ObjectMapper(), 4096);

    @ParameterizedTest(name = "{0} {1} → {2} at {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Comment | {}xyz                         | malformed-json | body",
            "Comment | {} {}                         | malformed-json | body",
            "Comment | {\"comment\":\"a\"} // c     | malformed-json | body",
            "Comment | {\"comment\":\"a\"            | malformed-json | body",
            "Comment | {\"comment\":\"a\",\"comment\":\"b\"} | malformed-json | comment",
            "Comment | {\"comment\":123}             | invalid-input  | comment",
            "Comment | {\"comment\":true}            | invalid-input  | comment",
            "Comment | {\"comment\":null}            | invalid-input  | comment",
            "Comment | {\"comment\":[\"a\"]}         | invalid-input  | comment",
            "Comment | {\"x\":1}                     | invalid-input  | x",
            "Comment | null                          | invalid-input  | body",
            "Comment | []                            | invalid-input  | body",
            "Comment | `\"text\"`                    | invalid-input  | body",
            "Comment | {\"comment\":\"a\\u0000b\"}   | invalid-input  | comment",
            "Comment | {\"comment\":\"\\ud800\"}     | invalid-input  | comment",
            "Draft   | {\"basedOn\":\"1\"}           | invalid-input  | basedOn",
            "Draft   | {\"basedOn\":1.0}             | invalid-input  | basedOn",
            "Draft   | {\"basedOn\":1e3}             | invalid-input  | basedOn",
            "Draft   | {\"basedOn\":99999999999}     | invalid-input  | basedOn",
            "Draft   | {\"basedOn\":01}              | malformed-json | body",
            "Draft   | {\"basedOn\":NaN}             | malformed-json | body",
            "Decision | {\"input\":{\"a\":1,\"a\":2}} | malformed-json | input.a",
            "Decision | {\"input\":{\"a\":{\"b\":null}}} | invalid-input | input.a.b",
            "Decision | {\"input\":\"x\"}            | invalid-input  | input",
    })
    void refusesWithTheKindAndThePlace(String type, String body, String slug, String field) {
        ProblemDetail problem = refuse(type, body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
        assertThat(problem.getType().toString()).endsWith("/" + slug);
        assertThat(errors(problem)).containsKey(field);
    }

    @Test
    void saysWhatWasExpectedAndWhatCame() {
        ProblemDetail wrong = refuse("Draft", "{\"basedOn\":\"1\"}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
        assertThat(errors(wrong)).containsEntry("basedOn", "expected a whole number, got a string");
        ProblemDetail unknown = refuse("Comment", "{\"comments\":\"a\"}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
        assertThat(errors(unknown)).containsEntry("comments", "unknown field; the fields are: comment");
        ProblemDetail trailing = refuse("Comment", "{} {}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
        assertThat(trailing.getDetail()).contains("content after the JSON value", "line 1, column");
    }

    @Test
    void refusesByteOrderMarksOtherEncodingsAndCharsetsAndOversizedBodies() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'};
        assertThat(errors(refuse("Comment", bom, MediaType.APPLICATION_JSON)).get("body")).contains("byte-order mark");
        byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16LE);
        assertThat(errors(refuse("Comment", utf16, MediaType.APPLICATION_JSON)).get("body")).contains("NUL");
        ProblemDetail latin = refuse("Comment", "{}".getBytes(StandardCharsets.ISO_8859_1),
                MediaType.parseMediaType("application/json;charset=ISO-8859-1"));
        assertThat(latin.getStatus()).isEqualTo(415);
        ProblemDetail big = refuse("Comment", ("{\"comment\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON);
        assertThat(big.getStatus()).isEqualTo(413);
        String deep = "{\"input\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThat(refuse("Decision", deep.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).getStatus()).isEqualTo(400);
    }

    @Test
    void readsWhatIsStrictlyValid() throws Exception {
        assertThat(read("Comment", "{\"comment\":\"é ok\"}")).isEqualTo(new Comment("é ok"));
        assertThat(read("Comment", "{}")).isEqualTo(new Comment(null));
        assertThat(read("Draft", " {\"basedOn\": 2}\n")).isEqualTo(new Draft(2));
    }

    private Object read(String type, String body) throws Exception {
        MockHttpInputMessage input = new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8));
        input.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return reader.read(type(type), input);
    }

    private ProblemDetail refuse(String type, byte[] body, MediaType mediaType) {
        MockHttpInputMessage input = new MockHttpInputMessage(body);
        input.getHeaders().setContentType(mediaType);
        RefusedBody refused = catchThrowableOfType(RefusedBody.class, () -> reader.read(type(type), input));
        assertThat(refused).as("refused: %s", new String(body, StandardCharsets.UTF_8)).isNotNull();
        return refused.problem();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(ProblemDetail problem) {
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        return errors == null ? Map.of() : (Map<String, String>) errors;
    }

    private static Class<?> type(String name) {
        return switch (name.strip()) {
            case "Comment" -> Comment.class;
            case "Draft" -> Draft.class;
            default -> Decision.class;
        };
    }
}
