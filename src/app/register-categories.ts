// The register step lives with the import in store/ (it runs inside the import's transaction);
// loadActorList (actor-list.ts) runs it here too.
export { applyRegisterCategories } from '../store/register-categories.ts';
