/** Datasets and their onboarding (owns the DatasetOnboardingProcess). */
package org.dataembassy.portal.datasets;
