package org.dataembassy.portal.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dataembassy.portal.identity.IdentityProperties;
import org.dataembassy.portal.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo accounts on the embedded default only ({@code dataembassy.identity.demo-accounts=true}).
 * Production profiles switch it off; the password is published in the README, so it is no secret and
 * must never be used outside a demo.
 */
@Component
class DemoAccountSeeder implements ApplicationRunner {

    static final String DEMO_PASSWORD = "embassy-demo";

    record Demo(String username, String displayName, Set<Role> roles) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("dora", "Dora Data-Owner", EnumSet.of(Role.DATA_OWNER)),
            new Demo("lola", "Lola Legal-Officer", EnumSet.of(Role.LEGAL_OFFICER)),
            new Demo("leo", "Leo Legal-Officer", EnumSet.of(Role.LEGAL_OFFICER)),
            new Demo("sam", "Sam Security-Officer", EnumSet.of(Role.SECURITY_OFFICER)),
            new Demo("aude", "Aude Auditor", EnumSet.of(Role.AUDITOR)),
            new Demo("ada", "Ada Admin", EnumSet.of(Role.ADMIN)),
            new Demo("cora", "Cora Committee", EnumSet.of(Role.EMERGENCY_COMMITTEE)),
            new Demo("cade", "Cade Committee", EnumSet.of(Role.EMERGENCY_COMMITTEE)),
            new Demo("cleo", "Cleo Committee", EnumSet.of(Role.EMERGENCY_COMMITTEE)),
            new Demo("cyrus", "Cyrus Committee", EnumSet.of(Role.EMERGENCY_COMMITTEE)),
            new Demo("celia", "Celia Committee", EnumSet.of(Role.EMERGENCY_COMMITTEE)));

    private static final Logger log = LoggerFactory.getLogger(DemoAccountSeeder.class);

    private final IdentityProperties properties;
    private final UserAccountStore accounts;
    private final PasswordEncoder passwordEncoder;

    DemoAccountSeeder(IdentityProperties properties, UserAccountStore accounts, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demoAccounts()) {
            return;
        }
        int created = 0;
        for (Demo demo : DEMOS) {
            if (!accounts.exists(demo.username())) {
                accounts.insert(new UserAccountStore.Account(demo.username(), demo.displayName(),
                        passwordEncoder.encode(DEMO_PASSWORD), demo.roles(), true));
                created++;
            }
        }
        StringBuilder list = new StringBuilder();
        DEMOS.forEach(d -> list.append(String.format("%n    %-6s %s", d.username(), d.roles())));
        log.warn("DEMO ACCOUNTS ARE ENABLED ({} created now). Never run this configuration with real data. "
                + "Accounts (password: the demo password in README.md):{}", created, list);
    }
}
