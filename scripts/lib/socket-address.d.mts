/** See socket-address.mjs: preloaded into the server, it stamps each request's socket address into HEADER. */
export declare const HEADER: string;
export declare const MARK: symbol;
