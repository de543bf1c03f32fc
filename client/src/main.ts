// Placeholder until the Cytoscape client lands: proves the build and the serving path.
const app = document.getElementById('app');
if (app) app.textContent = 'Actor Graph';
