export { createResidentService, type Resident, type ResidentService } from './resident.service.ts';
export { registerResidentRoutes } from './resident.routes.ts';
