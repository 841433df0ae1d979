// oidc-provider ships no type declarations; the tests only use its constructor and callback().
declare module "oidc-provider" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Provider: any;
  export default Provider;
}
