package org.dataembassy.portal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.dataembassy.portal.audit.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditCsvTests {

    @Test
    void cellsAreQuotedAndFormulaLookingTextIsDefused() {
        assertThat(AuditController.cell("plain")).isEqualTo("\"plain\"");
        assertThat(AuditController.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(AuditController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditController.cell("+1")).startsWith("\"'+");
        assertThat(AuditController.cell("-1")).startsWith("\"'-");
        assertThat(AuditController.cell("@SUM(A1)")).startsWith("\"'@");
        assertThat(AuditController.cell(null)).isEqualTo("\"\"");
    }

    @Test
    void aRowHasTheNineColumnsInOrderEndingWithCrLf() {
        AuditEntry e = new AuditEntry(7, Instant.parse("2026-12-07T09:41:00Z"), "lena", "VERSION_SAVED",
                "agreement:ee_lu:v3", "DRAFT", "line one\nline two", "ab", "cd");
        assertThat(AuditController.csvRow(e)).isEqualTo("7,2026-12-07T09:41:00Z,\"lena\",\"VERSION_SAVED\","
                + "\"agreement:ee_lu:v3\",\"DRAFT\",\"line one\nline two\",ab,cd\r\n");
    }
}
