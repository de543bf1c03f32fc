// Entry point of the client.
import './styles.css';
import { App, announceFatal } from './app.js';

try {
  new App().start();
} catch (error) {
  announceFatal(error);
}
