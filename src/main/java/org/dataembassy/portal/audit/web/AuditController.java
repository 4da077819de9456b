package org.dataembassy.portal.audit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.dataembassy.portal.api.ApiController;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditPage;
import org.dataembassy.portal.audit.AuditSearch;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.audit.AuditVerification;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail over the API, for auditors and administrators: pages of entries filtered by period, actor, action
 * and subject; the chain's verification; an export of a period as JSON Lines (entries as stored, hashes included, so
 * the chain can be checked outside the portal) or CSV for a spreadsheet. Access is checked by {@link AuditTrail}.
 */
@ApiController
@Tag(name = "Audit", description = "The hash-chained audit trail: search, verification, export")
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";

    private static final String JSONL_EXAMPLE = "{\"seq\":41,\"occurredAt\":\"2026-12-07T09:41:00.123456Z\",\"actor\":\"lena\","
            + "\"action\":\"VERSION_SUBMITTED\",\"subject\":\"agreement:ee_lu:v3\",\"outcome\":\"IN_REVIEW\",\"details\":\"\","
            + "\"prevHash\":\"9f2c…\",\"hash\":\"4a7e…\"}\n";
    private static final String CSV_EXAMPLE = "seq,occurred_at,actor,action,subject,outcome,details,prev_hash,hash\r\n"
            + "41,2026-12-07T09:41:00.123456Z,\"lena\",\"VERSION_SUBMITTED\",\"agreement:ee_lu:v3\",\"IN_REVIEW\",\"\",9f2c…,4a7e…\r\n";

    private final AuditTrail trail;
    private final ObjectMapper json;

    AuditController(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @Operation(operationId = "searchAudit", summary = "Page through the audit trail",
            description = "Entries newest first, filtered by period (from included, to excluded; ISO 8601 instants) and by"
                    + " exact actor, action and subject; `nextBefore` is the `before` of the next, older page. AUDITOR, ADMIN.")
    @GetMapping
    AuditPage search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                     @RequestParam(required = false) String subject, @RequestParam(required = false) Long before,
                     @RequestParam(defaultValue = "100") int limit) {
        return trail.search(new AuditSearch(instant("from", from), instant("to", to), actor, action, subject, before, limit));
    }

    @Operation(operationId = "verifyAudit", summary = "Verify the audit chain",
            description = "Recomputes every entry's hash and link and reports edited, inserted and deleted entries. AUDITOR.")
    @GetMapping("/verification")
    AuditVerification verify() {
        return trail.verify();
    }

    @Operation(operationId = "exportAudit", summary = "Export a period of the audit trail",
            description = "Every entry of the period (from included, to excluded; at most 400 days), oldest first, streamed:"
                    + " `format=jsonl` (default) one JSON object per line as stored, hashes included; `format=csv` a header"
                    + " and one row per entry, RFC 4180, where a cell that a spreadsheet would run as a formula (starting"
                    + " with =, +, -, @) is prefixed with ' (verify the chain from the JSON Lines). AUDITOR, ADMIN.")
    @ApiResponse(responseCode = "200", description = "The entries of the period, streamed", content = {
        @Content(mediaType = JSON_LINES, examples = @ExampleObject(value = JSONL_EXAMPLE)),
        @Content(mediaType = CSV, examples = @ExampleObject(value = CSV_EXAMPLE))})
    @GetMapping(path = "/export", produces = {JSON_LINES, CSV})
    void export(@RequestParam(name = "from", required = false) String fromText,
                @RequestParam(name = "to", required = false) String toText,
                @RequestParam(defaultValue = "jsonl") String format, HttpServletResponse response) throws IOException {
        Instant from = instant("from", fromText);
        Instant to = instant("to", toText);
        boolean csv = switch (format) {
            case "jsonl" -> false;
            case "csv" -> true;
            default -> throw InvalidInputException.of("format", "jsonl or csv");
        };
        AuditTrail.requireExportPeriod(from, to); // refused as problem+json before anything is written
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(csv ? CSV : JSON_LINES);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + (from == null ? "" : from.toString().replace(':', '-'))
                + (csv ? ".csv\"" : ".jsonl\""));
        PrintWriter out = response.getWriter();
        if (csv) {
            out.print("seq,occurred_at,actor,action,subject,outcome,details,prev_hash,hash\r\n");
        }
        trail.export(from, to, entry -> out.print(csv ? csvRow(entry) : jsonLine(entry)));
        out.flush();
    }

    /** An ISO 8601 instant (2026-12-01T00:00:00Z) or nothing; epoch numbers and other forms are refused by name. */
    static Instant instant(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "an ISO 8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private String jsonLine(AuditEntry entry) {
        try {
            return json.writeValueAsString(entry) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvRow(AuditEntry e) {
        return String.join(",", String.valueOf(e.seq()), e.occurredAt().toString(), cell(e.actor()), cell(e.action()),
                cell(e.subject()), cell(e.outcome()), cell(e.details()), e.prevHash(), e.hash()) + "\r\n";
    }

    /** RFC 4180 quoting, with formula-looking text defused for spreadsheets (OWASP "CSV injection"). */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
