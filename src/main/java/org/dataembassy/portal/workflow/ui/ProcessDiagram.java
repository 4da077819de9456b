package org.dataembassy.portal.workflow.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Collection;
import java.util.List;

/**
 * A read-only BPMN diagram (bpmn-js in the browser) with one instance's position and path marked: current
 * activities highlighted, completed activities and taken sequence flows greyed green, activities with an incident
 * red. Pan and zoom; no editing.
 *
 * <p>Setters may be called in any order; the browser redraws from the latest values. The npm version below is
 * pinned in package.json and package-lock.json and must change with them.
 */
@Tag("process-diagram")
@JsModule("./src/process-diagram.ts")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
public class ProcessDiagram extends Component implements HasSize {

    public ProcessDiagram() {
        getElement().setAttribute("aria-label", "Process diagram");
        getElement().setProperty("xml", "");
    }

    /** The model as BPMN 2.0 XML (null means none). */
    public void setXml(String xml) {
        getElement().setProperty("xml", xml == null ? "" : xml);
    }

    /** Ids of the activities where the instance waits or works now. */
    public void setCurrent(Collection<String> activityIds) {
        setIds("current", activityIds);
    }

    /** Ids of the activities the instance has finished. */
    public void setCompleted(Collection<String> activityIds) {
        setIds("completed", activityIds);
    }

    /** Ids of the sequence flows the instance has taken. */
    public void setTaken(Collection<String> sequenceFlowIds) {
        setIds("taken", sequenceFlowIds);
    }

    /** Ids of the activities with an open incident. */
    public void setIncidents(Collection<String> activityIds) {
        setIds("incidents", activityIds);
    }

    private void setIds(String property, Collection<String> ids) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        (ids == null ? List.<String>of() : ids).forEach(json::add);
        getElement().setPropertyJson(property, json);
    }
}
