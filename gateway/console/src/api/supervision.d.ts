/**
 * The supervision board's endpoints, written by hand in openapi-typescript's shape until
 * `npm run api-types` regenerates it from the running service.
 */

export interface paths {
    "/api/v1/supervision/board": {
        get: {
            parameters: {
                query?: {
                    service?: string;
                    department?: string;
                    matter?: string;
                    state?: string;
                    limit?: number;
                };
            };
            responses: {
                200: { content: { "*/*": components["schemas"]["Overview"] } };
            };
        };
    };
    "/api/v1/supervision/board/within-promise": {
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
            };
            responses: {
                200: { content: { "*/*": components["schemas"]["Shares"] } };
            };
        };
    };
    "/api/v1/supervision/search": {
        get: {
            parameters: {
                query?: {
                    caseNumber?: string;
                    applicant?: string;
                    matter?: string;
                    status?: string;
                    from?: string;
                    to?: string;
                    limit?: number;
                };
            };
            responses: {
                200: { content: { "*/*": components["schemas"]["Found"][] } };
            };
        };
    };
}
export interface components {
    schemas: {
        Count: {
            service?: string;
            state?: string;
            /** Format: int64 */
            cases?: number;
        };
        Found: {
            caseNumber?: string;
            jurisdiction?: string;
            service?: string;
            matterCode?: string;
            department?: string;
            channel?: string;
            status?: string;
            level?: string;
            /** Format: date-time */
            acceptedAt?: string;
            /** Format: date-time */
            dueAt?: string;
            /** Format: date-time */
            decidedAt?: string;
            onTime?: boolean;
        };
        Line: {
            caseNumber?: string;
            service?: string;
            matterCode?: string;
            department?: string;
            channel?: string;
            state?: string;
            /** Format: date-time */
            acceptedAt?: string;
            /** Format: date-time */
            dueAt?: string;
            /** Format: date-time */
            overdueSince?: string;
        };
        Overview: {
            jurisdiction?: string;
            /** Format: date-time */
            asOf?: string;
            open?: components["schemas"]["Count"][];
            cases?: components["schemas"]["Line"][];
        };
        Share: {
            matterCode?: string;
            department?: string;
            /** Format: int64 */
            decided?: number;
            /** Format: int64 */
            onTime?: number;
        };
        Shares: {
            jurisdiction?: string;
            /** Format: date */
            from?: string;
            /** Format: date */
            to?: string;
            matters?: components["schemas"]["Share"][];
        };
    };
}
