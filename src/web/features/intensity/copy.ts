export const SCALE_LOW = "0 calm";
export const SCALE_HIGH = "10 overwhelming";
