import { NotFoundBody } from "@/components/errors/not-found-body";

/** notFound() from a page inside the app (e.g. a rep opening /dashboard): drawn under the real header. */
export default function AppNotFound() {
  return <NotFoundBody />;
}
