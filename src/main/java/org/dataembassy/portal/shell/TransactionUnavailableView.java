package org.dataembassy.portal.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.transaction.TransactionException;

/** The same page as {@link ServiceUnavailableView} when no transaction could be opened (no connection), or failed. */
@PageTitle("Unavailable · Data Embassy Portal")
@AnonymousAllowed
public class TransactionUnavailableView extends Div implements HasErrorParameter<TransactionException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<TransactionException> parameter) {
        return ServiceUnavailableView.showFor(this, parameter.getCaughtException());
    }
}
