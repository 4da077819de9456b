package org.dataembassy.portal.identity.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's web apps operations-only. Authorization checking is switched on in the engine (it applies to
 * requests of the web apps, which run as an authenticated Camunda user; the portal's own services and the job
 * executor run without one and are not affected). Portal administrators enter Cockpit as members of
 * {@value #OPERATORS}, which may read everything, retry failed jobs and suspend or resume — and nothing else: no
 * task completion, no variable writes, no instance start, modification, deletion or message correlation, no
 * access to Tasklist or the Admin app. Camunda's built-in {@code camunda-admin} group, whose members bypass every
 * check, holds only {@value #SETUP_GUARD}, which nobody can sign in as. {@link CamundaWebappGuard} refuses the same writes before they reach the engine and
 * audits the operations that remain.
 */
@Component
class CamundaOperatorAccess extends AbstractProcessEnginePlugin {

    /** The Camunda group of portal administrators in the web apps. */
    static final String OPERATORS = "portal-operators";

    /**
     * The one member of {@code camunda-admin}: the web apps send everyone to their "create the first admin" setup
     * page while that group is empty. It cannot sign in: its password is random and never kept, the web apps'
     * password login is refused ({@link CamundaWebappGuard}) and single sign-on refuses this name.
     */
    static final String SETUP_GUARD = "portal-setup-guard";

    private static final Logger log = LoggerFactory.getLogger(CamundaOperatorAccess.class);

    /** What operators may do, per resource type (resource id {@code *}). */
    private record Grant(Resource resource, String resourceId, List<Permission> permissions) {
    }

    private static final List<Grant> GRANTS = List.of(
            new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(Resources.PROCESS_DEFINITION, "*", List.of(ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
                    ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE)),
            new Grant(Resources.PROCESS_INSTANCE, "*", List.of(ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.SUSPEND)),
            new Grant(Resources.TASK, "*", List.of(Permissions.READ)),
            new Grant(Resources.DEPLOYMENT, "*", List.of(Permissions.READ)),
            new Grant(Resources.DECISION_DEFINITION, "*", List.of(Permissions.READ, Permissions.READ_HISTORY)),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, "*", List.of(Permissions.READ)),
            new Grant(Resources.BATCH, "*", List.of(BatchPermissions.READ, BatchPermissions.READ_HISTORY)),
            new Grant(Resources.HISTORIC_PROCESS_INSTANCE, "*", List.of(HistoricProcessInstancePermissions.READ)),
            new Grant(Resources.HISTORIC_TASK, "*", List.of(HistoricTaskPermissions.READ)),
            new Grant(Resources.OPERATION_LOG_CATEGORY, "*", List.of(UserOperationLogCategoryPermissions.READ)));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        // Camunda checks user and group ids against this pattern (its default allows letters and digits only);
        // portal user names and the operators' group may also hold dots, dashes, underscores and @.
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._@-]{1,64}|camunda-admin");
        // The engine's default provider writes grants for every new task's candidate group and every new user;
        // the portal decides who works on tasks itself, so none are written.
        configuration.setResourceAuthorizationProvider(new NoDefaultAuthorizations());
    }

    /** Creates the operators' group if it is missing (idempotent). */
    static void ensureOperatorsGroup(IdentityService identity) {
        if (identity.createGroupQuery().groupId(OPERATORS).count() == 0) {
            Group group = identity.newGroup(OPERATORS);
            group.setName("Portal administrators (operations only)");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
    }

    private static void ensureSetupGuard(IdentityService identity) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators (no person)");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(SETUP_GUARD).count() == 0) {
            User guard = identity.newUser(SETUP_GUARD);
            guard.setFirstName("Setup guard");
            guard.setLastName("(cannot sign in)");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            guard.setPassword(HexFormat.of().formatHex(random));
            identity.saveUser(guard);
        }
        if (identity.createUserQuery().userId(SETUP_GUARD).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(SETUP_GUARD, Groups.CAMUNDA_ADMIN);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        ensureOperatorsGroup(identity);
        for (Grant grant : GRANTS) {
            Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(OPERATORS)
                    .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
            Authorization authorization = existing != null ? existing
                    : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(OPERATORS);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
            authorizations.saveAuthorization(authorization);
        }
        ensureSetupGuard(identity);
        // Earlier versions put portal administrators into camunda-admin, which bypasses every check.
        for (User user : identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()) {
            if (user.getId().equals(SETUP_GUARD)) {
                continue;
            }
            identity.deleteMembership(user.getId(), Groups.CAMUNDA_ADMIN);
            log.warn("removed {} from Camunda's {} group: the web apps are operations-only", user.getId(),
                    Groups.CAMUNDA_ADMIN);
        }
    }
}
