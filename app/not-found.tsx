import { NotFoundBody } from "@/components/errors/not-found-body";
import { StaticPage } from "@/components/errors/static-header";

/** Unknown URLs: outside the signed-in layout, so the header is the static one. */
export default function NotFound() {
  return (
    <StaticPage>
      <NotFoundBody />
    </StaticPage>
  );
}
