import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { phonePathRedirect } from './app/landing.ts';
import './styles.css';

dayjs.locale('zh-cn');

// a phone-page link written as a path (/h5/resident/login) opens the phone page instead
const phone = phonePathRedirect(window.location.pathname, window.location.search);
if (phone) window.location.replace(phone);
else
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
