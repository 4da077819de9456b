package org.dataembassy.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;

/** "Unavailable, try again" only when the database does not answer; a fault of the portal is an internal error. */
class ServiceUnavailableViewTests {

    @Test
    void theDatabaseNotAnsweringIsUnavailableWith503() {
        Div view = new Div();
        assertThat(ServiceUnavailableView.showFor(view, new DataAccessResourceFailureException("connection refused")))
                .isEqualTo(503);
        assertThat(view.getId()).hasValue("portal-unavailable");

        Div noTransaction = new Div();
        assertThat(ServiceUnavailableView.showFor(noTransaction, new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isEqualTo(503);
        assertThat(noTransaction.getId()).hasValue("portal-unavailable");
    }

    @Test
    void aConstraintOrABadStatementIsAnInternalErrorWith500NotTryAgain() {
        Div constraint = new Div();
        assertThat(ServiceUnavailableView.showFor(constraint, new DataIntegrityViolationException("duplicate key")))
                .isEqualTo(500);
        assertThat(constraint.getId()).hasValue("internal-error");
        assertThat(constraint.getElement().getTextRecursively()).contains("fault in the portal")
                .doesNotContain("unavailable");

        Div grammar = new Div();
        assertThat(ServiceUnavailableView.showFor(grammar, new BadSqlGrammarException("select", "selec 1",
                new SQLSyntaxErrorException("syntax")))).isEqualTo(500);
        assertThat(grammar.getId()).hasValue("internal-error");
    }
}
