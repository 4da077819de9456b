package org.dataembassy.portal.identity.internal;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Grants nothing when the engine creates users, groups, tasks or identity links. Camunda's default provider
 * would let each new task's candidate group work on it, and each new user edit their own account, through the
 * web apps; in the portal, tasks are worked on only through the portal's services ({@link CamundaOperatorAccess}).
 */
final class NoDefaultAuthorizations implements ResourceAuthorizationProvider {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newGroup(Group group) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newTenant(Tenant tenant) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] groupMembershipCreated(String groupId, String userId) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, User user) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, Group group) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newFilter(Filter filter) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newProcessDefinition(ProcessDefinition processDefinition) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newProcessInstance(ProcessInstance processInstance) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newTask(Task task) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newDecisionDefinition(DecisionDefinition decisionDefinition) {
        return NONE;
    }

    @Override
    public AuthorizationEntity[] newDecisionRequirementsDefinition(DecisionRequirementsDefinition definition) {
        return NONE;
    }
}
