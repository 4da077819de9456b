package org.dataembassy.portal.jurisdiction.internal;

import java.util.Arrays;
import java.util.Set;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.jurisdiction.ReviewOutcome;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.workflow.TaskFields;
import org.dataembassy.portal.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A jurisdiction review's two human tasks over the API, as their pages do them: the legal officer's assessment
 * ({@code {"outcome": "CONTINUE|RESTRICT|SUSPEND|EVACUATE", "justification"}}) and the security officer's
 * confirmation of an evacuation ({@code {"confirm", "note"}}).
 */
@Configuration
class JurisdictionTaskForms {

    @Bean
    TaskForm jurisdictionAssessmentForm(JurisdictionReviews reviews) {
        return new TaskForm() {
            @Override
            public String formKey() {
                return "jurisdiction/assess";
            }

            @Override
            public void complete(String taskId, TaskFields fields) {
                String outcome = fields.text("outcome");
                String justification = fields.text("justification");
                fields.check(Set.of("outcome", "justification"));
                ReviewOutcome chosen = Arrays.stream(ReviewOutcome.values()).filter(o -> o.name().equals(outcome))
                        .findFirst().orElseThrow(() -> InvalidInputException.of("outcome",
                                "one of " + Arrays.toString(ReviewOutcome.values())));
                reviews.assess(taskId, chosen, justification);
            }
        };
    }

    @Bean
    TaskForm evacuationConfirmationForm(JurisdictionReviews reviews) {
        return new TaskForm() {
            @Override
            public String formKey() {
                return "jurisdiction/evacuation";
            }

            @Override
            public void complete(String taskId, TaskFields fields) {
                boolean confirm = fields.bool("confirm");
                String note = fields.text("note");
                fields.check(Set.of("confirm", "note"));
                reviews.confirmEvacuation(taskId, confirm, note);
            }
        };
    }
}
