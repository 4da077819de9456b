package org.dataembassy.portal.activation;

/** The kind of emergency the committee declares when triggering. */
public enum EmergencyType {
    CYBER_ATTACK, NATURAL_DISASTER, ARMED_CONFLICT, INFRASTRUCTURE_FAILURE, OTHER_EMERGENCY
}
