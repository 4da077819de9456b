package org.dataembassy.portal.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** Says plainly that a page is planned but not built yet, and what it will do. */
public class NotBuiltYet extends Div {

    public NotBuiltYet(String title, String whatItWillDo) {
        addClassNames("page");
        Paragraph notice = new Paragraph("Not built yet. " + whatItWillDo);
        notice.addClassName("not-built");
        notice.setId("not-built");
        add(new H2(title), notice);
    }
}
