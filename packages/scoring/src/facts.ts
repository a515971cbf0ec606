/** Facts about one unit (the city, a region, a department): numbers or booleans by name. */
export type Facts = Readonly<Record<string, number | boolean | null | undefined>>;
