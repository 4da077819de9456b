package org.dataembassy.portal.activation;

/** What a committee vote is about: activating (round 0) or standing down (rounds 1, 2, …). */
public enum VoteKind {
    ACTIVATE, STAND_DOWN
}
