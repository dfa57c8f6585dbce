import { HomeRedirect } from '@/modules/auth/home-redirect';

export default function HomePage() {
  return <HomeRedirect />;
}
