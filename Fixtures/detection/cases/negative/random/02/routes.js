export const routes = { dashboard: '/d/OLUzNbl4N/overview', report: '/r/MjEW7q2gH5EX' };
