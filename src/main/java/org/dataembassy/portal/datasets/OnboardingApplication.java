package org.dataembassy.portal.datasets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dataembassy.portal.shared.Classification;

/**
 * What a data owner submits to have a dataset onboarded into the data embassies.
 *
 * @param sizeEstimateGib rough size, in GiB, 1 to 1,000,000
 */
public record OnboardingApplication(
        @NotBlank(message = "Give the dataset a name")
        @Size(max = 120, message = "At most 120 characters")
        @Pattern(regexp = "[\\p{L}\\p{N} .,()'/_-]*", message = "Letters, digits, spaces and . , ( ) ' / _ - only")
        String name,
        @NotBlank(message = "Name the owning agency")
        @Size(max = 120, message = "At most 120 characters")
        String owningAgency,
        @NotBlank(message = "State the legal basis (act and section)")
        @Size(min = 5, max = 500, message = "Between 5 and 500 characters")
        String legalBasis,
        @NotNull(message = "Choose a classification")
        Classification classification,
        boolean personalData,
        @NotNull(message = "Choose a register, or 'Not a register'")
        Register register,
        @NotBlank(message = "Choose the agreement")
        @Pattern(regexp = "[a-z][a-z0-9_]{1,39}", message = "Not an agreement id")
        String agreementId,
        @NotNull(message = "Give a size estimate")
        @Min(value = 1, message = "At least 1 GiB")
        @Max(value = 1_000_000, message = "At most 1,000,000 GiB")
        Integer sizeEstimateGib) {
}
