import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { H5App } from './H5App.tsx';
import './h5.css';
import { applyStoredLargeText } from './largeText.tsx';

dayjs.locale('zh-cn');
applyStoredLargeText();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <H5App />
  </StrictMode>,
);
