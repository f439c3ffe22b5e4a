/**
 * The small Jira a demo site holds: one project, one board with one sprint, an epic and two issues.
 * Enough for GETs of known objects to return plausible JSON and for every other id to be a 404.
 */
export interface JiraProject {
  id: string;
  key: string;
  name: string;
}
export interface JiraBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectKey: string;
}
export interface JiraSprint {
  id: number;
  name: string;
  state: 'active' | 'closed' | 'future';
  boardId: number;
}
export interface JiraIssue {
  id: string;
  key: string;
  summary: string;
  issueType: 'Epic' | 'Story' | 'Task';
  projectKey: string;
  epicKey?: string;
  sprintId?: number;
}

export interface JiraData {
  projects: JiraProject[];
  boards: JiraBoard[];
  sprints: JiraSprint[];
  issues: JiraIssue[];
}

export function emptyJiraData(): JiraData {
  return { projects: [], boards: [], sprints: [], issues: [] };
}

export function demoJiraData(): JiraData {
  return {
    projects: [{ id: '10000', key: 'ACME', name: 'Acme Delivery' }],
    boards: [{ id: 1, name: 'ACME board', type: 'scrum', projectKey: 'ACME' }],
    sprints: [{ id: 1, name: 'ACME Sprint 1', state: 'active', boardId: 1 }],
    issues: [
      { id: '10001', key: 'ACME-1', summary: 'Checkout revamp', issueType: 'Epic', projectKey: 'ACME' },
      { id: '10002', key: 'ACME-2', summary: 'Pay with saved card', issueType: 'Story', projectKey: 'ACME', epicKey: 'ACME-1', sprintId: 1 },
      { id: '10003', key: 'ACME-3', summary: 'Receipt e-mail', issueType: 'Task', projectKey: 'ACME', epicKey: 'ACME-1', sprintId: 1 },
    ],
  };
}

export type JiraObject =
  | { kind: 'project'; project: JiraProject }
  | { kind: 'board'; board: JiraBoard }
  | { kind: 'sprint'; sprint: JiraSprint }
  | { kind: 'issue'; issue: JiraIssue };

type ObjectKind = JiraObject['kind'] | 'epic';

/** Which kind of object a path parameter names, from its name or, for a bare `{id}`, the segment before it. */
const KIND_BY_PARAM: Record<string, ObjectKind> = {
  projectIdOrKey: 'project',
  projectId: 'project',
  projectKeyOrId: 'project',
  boardId: 'board',
  sprintId: 'sprint',
  issueIdOrKey: 'issue',
  issueId: 'issue',
  epicIdOrKey: 'epic',
  epicId: 'epic',
};
const KIND_BY_COLLECTION: Record<string, ObjectKind> = {
  project: 'project',
  board: 'board',
  sprint: 'sprint',
  issue: 'issue',
  epic: 'epic',
};

export function paramKind(param: string, previousSegment: string | undefined): ObjectKind | undefined {
  return KIND_BY_PARAM[param] ?? (previousSegment ? KIND_BY_COLLECTION[previousSegment] : undefined);
}

/** The object a path parameter value names, or undefined: every unknown id is a 404. */
export function findObject(data: JiraData, kind: ObjectKind | undefined, value: string): JiraObject | undefined {
  const matches = (idOrKey: { id: string | number; key?: string }) => String(idOrKey.id) === value || idOrKey.key?.toUpperCase() === value.toUpperCase();
  switch (kind) {
    case 'project': {
      const project = data.projects.find(matches);
      return project && { kind: 'project', project };
    }
    case 'board': {
      const board = data.boards.find(matches);
      return board && { kind: 'board', board };
    }
    case 'sprint': {
      const sprint = data.sprints.find(matches);
      return sprint && { kind: 'sprint', sprint };
    }
    case 'issue': {
      const issue = data.issues.find(matches);
      return issue && { kind: 'issue', issue };
    }
    case 'epic': {
      const issue = data.issues.find((i) => i.issueType === 'Epic' && matches(i));
      return issue && { kind: 'issue', issue };
    }
    default:
      return undefined;
  }
}
