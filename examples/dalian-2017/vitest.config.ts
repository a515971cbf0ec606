import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('example-dalian-2017');
