// The page builds its own widget with mount(), changes it with update(),
// and removes it with destroy().
import { mount } from '../outturn.js';

const chart = document.getElementById('chart');
let widget = null;

document.getElementById('add').addEventListener('click', async () => {
  if (widget) return;
  const response = await fetch('../kent-2011-12-key-activity.json');
  const data = await response.json();
  widget = mount(chart, { data, indicator: 'domiciliary-care-hours', year: '2011-12' });
});
document.getElementById('show-variance').addEventListener('click', () => widget?.update({ view: 'variance' }));
document.getElementById('remove').addEventListener('click', () => {
  widget?.destroy();
  widget = null;
});
