import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connect } from './api/client';
import { ClientProvider } from './api/context';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ClientProvider client={connect()}>
        <App />
      </ClientProvider>
    </StrictMode>,
  );
}
