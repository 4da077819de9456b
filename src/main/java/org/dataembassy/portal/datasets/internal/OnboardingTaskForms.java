package org.dataembassy.portal.datasets.internal;

import java.util.Set;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.workflow.TaskFields;
import org.dataembassy.portal.workflow.TaskForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The onboarding process's two human tasks over the API, through the same service calls as their pages: a legal
 * officer's review ({@code {"approve", "comment"}}) and the security officer's keys and sites
 * ({@code {"approve", "sourceFolder", "sites", "comment"}}).
 */
@Configuration
class OnboardingTaskForms {

    @Bean
    TaskForm onboardingReviewForm(DatasetOnboarding onboarding) {
        return new TaskForm() {
            @Override
            public String formKey() {
                return "datasets/review";
            }

            @Override
            public void complete(String taskId, TaskFields fields) {
                boolean approve = fields.bool("approve");
                String comment = fields.text("comment");
                fields.check(Set.of("approve", "comment"));
                onboarding.review(taskId, approve, comment);
            }
        };
    }

    @Bean
    TaskForm keysApprovalForm(DatasetProvisioning provisioning) {
        return new TaskForm() {
            @Override
            public String formKey() {
                return "datasets/keys";
            }

            @Override
            public void complete(String taskId, TaskFields fields) {
                boolean approve = fields.bool("approve");
                String source = fields.text("sourceFolder");
                var sites = fields.texts("sites");
                String comment = fields.text("comment");
                fields.check(Set.of("approve", "sourceFolder", "sites", "comment"));
                provisioning.decideKeys(taskId, approve, source, sites, comment);
            }
        };
    }
}
