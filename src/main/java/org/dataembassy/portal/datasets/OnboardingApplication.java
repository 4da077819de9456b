package org.dataembassy.portal.datasets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.dataembassy.portal.shared.Classification;

/**
 * What a data owner submits to have a dataset onboarded into the data embassies.
 *
 * @param sizeEstimateGib    rough size, in GiB, 1 to 1,000,000
 * @param embassySites       the embassy sites the owner wants (may be empty: the security officer chooses)
 * @param recoveryPointHours how old a replica may grow before it is replicated again (1 to 720 hours)
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
        Integer sizeEstimateGib,
        List<String> embassySites,
        @Min(value = 1, message = "At least 1 hour")
        @Max(value = 720, message = "At most 720 hours (30 days)")
        Integer recoveryPointHours) {

    /** Hours between replications when the owner names none. */
    public static final int DEFAULT_RECOVERY_POINT_HOURS = 24;

    public OnboardingApplication {
        embassySites = embassySites == null ? List.of() : List.copyOf(embassySites);
    }

    /** Without wanted embassies (the security officer chooses) and with the default recovery point. */
    public OnboardingApplication(String name, String owningAgency, String legalBasis, Classification classification,
                                 boolean personalData, Register register, String agreementId, Integer sizeEstimateGib) {
        this(name, owningAgency, legalBasis, classification, personalData, register, agreementId, sizeEstimateGib,
                List.of(), DEFAULT_RECOVERY_POINT_HOURS);
    }
}
