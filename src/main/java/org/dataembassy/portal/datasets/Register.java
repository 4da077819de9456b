package org.dataembassy.portal.datasets;

/** State registers a dataset may hold; NONE for datasets that are not a register. */
public enum Register {
    NONE("Not a register"),
    POPULATION("Population register"),
    LAND("Land register"),
    BUSINESS("Business register"),
    VEHICLE("Vehicle register"),
    TAX("Tax register");

    private final String label;

    Register(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
