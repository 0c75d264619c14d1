// For plain tsc (`npm run typecheck` includes demo/): it cannot read .vue files. vue-tsc resolves
// the real file instead of this declaration and checks the template.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
