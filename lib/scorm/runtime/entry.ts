// The one script of an exported package (decision 051), bundled by lib/scorm/export.server.tsx.
import { startLesson } from './lesson'
import { startPostTest } from './post-test'
import { startShell } from './shell'

const page = document.body.dataset.page
if (page === 'shell') void startShell()
else if (page === 'lesson') startLesson()
else if (page === 'post-test') startPostTest()
