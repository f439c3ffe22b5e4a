import type { OperationRecord } from '../core/catalog';
import type { Reply } from './http';
import type { Principal } from './jira-auth';
import type { JiraBoard, JiraIssue, JiraObject, JiraProject, JiraSprint } from './jira-data';
import type { EmulatedAccount, EmulatedSite } from './state';

export interface ResourceRequest {
  operation: OperationRecord;
  /** The objects the path parameters name, in path order; all exist. */
  objects: readonly JiraObject[];
  /** Undefined for anonymous endpoints. */
  principal: Principal | undefined;
  site: EmulatedSite;
  query: URLSearchParams;
  body: Record<string, unknown>;
  baseUrl: string;
}

type Handler = (request: ResourceRequest) => Reply;

/** Read answers for the operations Scope Doctor and the demo use; every other read gets a generic one. */
const HANDLERS: Record<string, Handler> = {
  getCurrentUser: ({ principal, baseUrl }) => ok(principal ? userJson(principal.account, baseUrl) : {}),
  getMyPermissions: myPermissions,
  getBulkPermissions: bulkPermissions,
  getServerInfo: ({ site }) =>
    ok({
      baseUrl: `https://${site.host}`,
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100290,
      serverTitle: 'Jira',
    }),
  getAllProjects: ({ site, baseUrl }) => ok(site.jira.projects.map((p) => projectJson(p, baseUrl))),
  searchProjects: ({ site, baseUrl }) => ok(page(site.jira.projects.map((p) => projectJson(p, baseUrl)))),
  getProject: ({ objects, baseUrl }) => ok(projectJson(only(objects, 'project').project, baseUrl)),
  getIssue: ({ objects, baseUrl }) => ok(issueJson(only(objects, 'issue').issue, baseUrl)),
  getAllBoards: ({ site, baseUrl }) => ok(page(site.jira.boards.map((b) => boardJson(b, site, baseUrl)))),
  getBoard: ({ objects, site, baseUrl }) => ok(boardJson(only(objects, 'board').board, site, baseUrl)),
  getAllSprints: ({ objects, site, baseUrl }) => {
    const board = only(objects, 'board').board;
    return ok(page(site.jira.sprints.filter((s) => s.boardId === board.id).map((s) => sprintJson(s, baseUrl))));
  },
  getSprint: ({ objects, baseUrl }) => ok(sprintJson(only(objects, 'sprint').sprint, baseUrl)),
  getEpics: ({ site, baseUrl }) => ok(page(site.jira.issues.filter((i) => i.issueType === 'Epic').map((e) => epicJson(e, baseUrl)))),
  getEpic: ({ objects, baseUrl }) => ok(epicJson(only(objects, 'issue').issue, baseUrl)),
  getIssuesForSprint: ({ objects, site, baseUrl }) => {
    const sprint = only(objects, 'sprint').sprint;
    return ok(
      issuePage(
        site.jira.issues.filter((i) => i.sprintId === sprint.id),
        baseUrl,
      ),
    );
  },
  getIssuesForEpic: ({ objects, site, baseUrl }) => {
    const epic = only(objects, 'issue').issue;
    return ok(
      issuePage(
        site.jira.issues.filter((i) => i.epicKey === epic.key),
        baseUrl,
      ),
    );
  },
};

export function jiraResource(request: ResourceRequest): Reply {
  const handler = HANDLERS[request.operation.operationId];
  if (handler) return handler(request);
  // A read of one object answers something with its id; a read of a collection answers an empty page.
  const last = request.operation.path.split('/').at(-1) ?? '';
  const named = request.objects.at(-1);
  if (last.startsWith('{') && named) return ok({ id: objectId(named) });
  return ok(page([]));
}

const ADMINISTER = {
  id: '0',
  key: 'ADMINISTER',
  name: 'Administer Jira',
  type: 'GLOBAL',
  description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
};

function myPermissions({ principal, query }: ResourceRequest): Reply {
  const wanted = (query.get('permissions') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (wanted.length === 0) {
    return { status: 400, json: { errorMessages: ['The permissions query parameter is required.'], errors: {} } };
  }
  const permissions: Record<string, unknown> = {};
  for (const key of wanted) {
    const known = key === ADMINISTER.key ? ADMINISTER : { id: key, key, name: key, type: 'PROJECT', description: '' };
    permissions[key] = { ...known, havePermission: key === ADMINISTER.key ? principal?.account.isAdmin === true : true };
  }
  return ok({ permissions });
}

function bulkPermissions({ principal, body }: ResourceRequest): Reply {
  const requested = Array.isArray(body.globalPermissions) ? body.globalPermissions.filter((p) => typeof p === 'string') : [];
  const granted = requested.filter((p) => p !== ADMINISTER.key || principal?.account.isAdmin === true);
  return ok({ globalPermissions: granted, projectPermissions: [] });
}

function ok(json: unknown): Reply {
  return { status: 200, json };
}

function page(values: unknown[]): Record<string, unknown> {
  return { maxResults: 50, startAt: 0, total: values.length, isLast: true, values };
}

function issuePage(issues: JiraIssue[], baseUrl: string): Record<string, unknown> {
  return { maxResults: 50, startAt: 0, total: issues.length, issues: issues.map((i) => issueJson(i, baseUrl)) };
}

function only<K extends JiraObject['kind']>(objects: readonly JiraObject[], kind: K): Extract<JiraObject, { kind: K }> {
  const found = objects.find((o): o is Extract<JiraObject, { kind: K }> => o.kind === kind);
  if (!found) throw new Error(`The path names no ${kind}.`);
  return found;
}

function objectId(object: JiraObject): string | number {
  switch (object.kind) {
    case 'project':
      return object.project.id;
    case 'board':
      return object.board.id;
    case 'sprint':
      return object.sprint.id;
    case 'issue':
      return object.issue.id;
  }
}

export function userJson(account: EmulatedAccount, baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${account.accountId}`,
    accountId: account.accountId,
    accountType: 'atlassian',
    emailAddress: account.email,
    displayName: account.displayName,
    active: true,
    timeZone: 'Europe/London',
    locale: 'en_GB',
  };
}

function projectJson(project: JiraProject, baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
  };
}

function boardJson(board: JiraBoard, site: EmulatedSite, baseUrl: string): Record<string, unknown> {
  const project = site.jira.projects.find((p) => p.key === board.projectKey);
  return {
    id: board.id,
    self: `${baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: project && { projectId: Number(project.id), projectKey: project.key, projectName: project.name },
  };
}

function sprintJson(sprint: JiraSprint, baseUrl: string): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    originBoardId: sprint.boardId,
  };
}

function epicJson(epic: JiraIssue, baseUrl: string): Record<string, unknown> {
  return {
    id: Number(epic.id),
    key: epic.key,
    self: `${baseUrl}/rest/agile/1.0/epic/${epic.id}`,
    name: epic.summary,
    summary: epic.summary,
    done: false,
  };
}

function issueJson(issue: JiraIssue, baseUrl: string): Record<string, unknown> {
  return {
    id: issue.id,
    key: issue.key,
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      issuetype: { name: issue.issueType },
      project: { key: issue.projectKey },
      ...(issue.epicKey ? { parent: { key: issue.epicKey } } : {}),
    },
  };
}
