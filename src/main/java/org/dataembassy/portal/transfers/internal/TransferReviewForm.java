package org.dataembassy.portal.transfers.internal;

import java.util.Set;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.workflow.TaskFields;
import org.dataembassy.portal.workflow.TaskForm;
import org.springframework.stereotype.Component;

/** A legal officer's transfer review over the API ({@code {"approve", "comment"}}), as the review page does it. */
@Component
class TransferReviewForm implements TaskForm {

    private final CrossBorderTransfers transfers;

    TransferReviewForm(CrossBorderTransfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public String formKey() {
        return "transfers/review";
    }

    @Override
    public void complete(String taskId, TaskFields fields) {
        boolean approve = fields.bool("approve");
        String comment = fields.text("comment");
        fields.check(Set.of("approve", "comment"));
        transfers.review(taskId, approve, comment);
    }
}
