package org.dataembassy.portal.workflow;

/**
 * How a kind of human task is completed over the API: the module that owns the task's page implements it for the
 * task's form key ({@code transfers/review} …) by calling the same service method, with the same checks, as its
 * page does. {@code POST /api/tasks/{id}/complete} finds the form by the task's form key.
 */
public interface TaskForm {

    /** The BPMN form key of the tasks this form completes ({@link WorkTask#formRoute()}). */
    String formKey();

    /** Completes the task with the form's fields; refuses bad fields with {@code InvalidInputException} by name. */
    void complete(String taskId, TaskFields fields);
}
