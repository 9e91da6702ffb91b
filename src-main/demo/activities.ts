import { createActivity } from '../core/activities/activities.js';
import type { Desk } from '../core/desk/desk.js';
import type { Actor } from '../core/ledger/write.js';

/**
 * Five seasons of a Québec City seniors' club, with the Monday afternoons ("Lundis PM") on which
 * the desk takes registrations for each. The dates are fixed, not relative to today, so the same
 * seed always gives the same demo; the last registration day is before 2026-11-27.
 */
export interface DemoSeason {
  name: string;
  /** Short code used in activity codes: A25 for Automne 2025. */
  code: string;
  startsOn: string;
  endsOn: string;
  /** Registration days at the desk, oldest first (Mondays, skipping Labour Day and Thanksgiving). */
  registrationDays: readonly string[];
}

export const DEMO_SEASONS: readonly DemoSeason[] = [
  { name: 'Automne 2025', code: 'A25', startsOn: '2025-09-08', endsOn: '2025-12-12', registrationDays: ['2025-08-25', '2025-09-08', '2025-09-15', '2025-09-22', '2025-10-06'] },
  { name: 'Hiver 2026', code: 'H26', startsOn: '2026-01-12', endsOn: '2026-04-10', registrationDays: ['2025-12-01', '2025-12-08', '2026-01-05', '2026-01-12', '2026-01-19'] },
  { name: 'Printemps 2026', code: 'P26', startsOn: '2026-04-20', endsOn: '2026-06-12', registrationDays: ['2026-03-30', '2026-04-13', '2026-04-20'] },
  { name: 'Automne 2026', code: 'A26', startsOn: '2026-09-14', endsOn: '2026-12-11', registrationDays: ['2026-08-24', '2026-08-31', '2026-09-14', '2026-09-21', '2026-10-05'] },
  { name: 'Hiver 2027', code: 'H27', startsOn: '2027-01-11', endsOn: '2027-04-09', registrationDays: ['2026-11-16', '2026-11-23'] },
];

/** The day the demo club "opens its books": members exist and activities are published. */
export const DEMO_SETUP_DAY = '2025-08-18';

export interface DemoActivity {
  code: string;
  name: string;
  season: string;
  leader: string;
  schedule: string;
  place: string;
  priceCents: number;
  /** null: no limit (a lecture hall, a choir). */
  capacity: number | null;
  membershipRequired: boolean;
  /** How much members want it, relative to the season's other activities. */
  demand: number;
}

type Template = Omit<DemoActivity, 'code' | 'season'> & { key: string };

const t = (
  key: string,
  name: string,
  leader: string,
  schedule: string,
  place: string,
  priceCents: number,
  capacity: number | null,
  demand: number,
  membershipRequired = true,
): Template => ({ key, name, leader, schedule, place, priceCents, capacity, demand, membershipRequired });

// Small rooms and popular leaders fill first: yoga, the computer lab and baladi have waitlists.
const BY_SEASON: Record<string, readonly Template[]> = {
  A25: [
    t('YOGA', 'Yoga doux', 'Claudette Bérubé', 'Lundi 13 h 30', 'Salle Jean-Talon', 6000, 10, 8),
    t('AQUA', 'Aquaforme', 'Réjean Thibault', 'Mercredi 10 h', 'Piscine du Cégep Limoilou', 7500, 20, 3),
    t('DANSE', 'Danse en ligne', 'Gisèle Poirier', 'Jeudi 19 h', 'Salle paroissiale Saint-Roch', 4500, 40, 3),
    t('BRIDGE', 'Bridge', 'Marcel Lachance', 'Mardi 13 h', 'Salle Marguerite-Bourgeoys', 2500, null, 2),
    t('PEINT', "Peinture à l'huile", 'Hélène Vézina', 'Vendredi 9 h 30', 'Atelier du 2e étage', 8500, 10, 2),
    t('CHORALE', 'Chorale Les Voix d’argent', 'Jean-Guy Asselin', 'Mercredi 14 h', 'Église Saint-Charles-de-Limoilou', 3000, null, 2),
    t('CONF', 'Conférence : Déjouer la fraude', 'Sûreté du Québec', 'Mardi 7 octobre, 14 h', 'Salle Jean-Talon', 0, null, 2, false),
    t('VOYAGE', 'Voyage : Charlevoix en couleurs', 'Francine Leclerc', 'Samedi 4 octobre, 7 h 30', 'Départ du stationnement du club', 11500, 48, 2, false),
  ],
  H26: [
    t('YOGA', 'Yoga doux', 'Claudette Bérubé', 'Lundi 13 h 30', 'Salle Jean-Talon', 6000, 10, 8),
    t('TAICHI', 'Tai-chi', 'Văn Minh Nguyễn', 'Mardi 10 h', 'Gymnase du Centre Durocher', 5500, 25, 3),
    t('WHIST', 'Whist militaire', 'Rosaire Gagné', 'Jeudi 13 h', 'Salle Marguerite-Bourgeoys', 2000, null, 2),
    t('TRICOT', 'Tricot et crochet', 'Réjeanne Plamondon', 'Mercredi 13 h 30', 'Salon des Érables', 2500, 15, 2),
    t('QUILLES', 'Quilles', 'Normand Harvey', 'Vendredi 13 h', 'Salon de quilles Laurentien', 9000, 32, 2),
    t('SCRABBLE', 'Scrabble duplicate', 'Micheline Savard', 'Lundi 9 h 30', 'Bibliothèque Gabrielle-Roy', 1500, null, 1),
    t('INFO', 'Informatique pour aînés : la tablette', 'Karim Haddad', 'Mardi 13 h 30', 'Local informatique', 4000, 6, 5),
    t('CONF', 'Conférence : Bien vivre l’hiver', 'CLSC Limoilou', 'Mercredi 4 février, 14 h', 'Salle Jean-Talon', 0, null, 2, false),
  ],
  P26: [
    t('PETANQUE', 'Pétanque', 'Gaétan Turcotte', 'Mardi 18 h 30', 'Parc Victoria', 2000, null, 3),
    t('BALADI', 'Baladi', 'Nadia Khoury', 'Jeudi 10 h', 'Salle paroissiale Saint-Roch', 5000, 8, 5),
    t('AQUA', 'Aquaforme', 'Réjean Thibault', 'Mercredi 10 h', 'Piscine du Cégep Limoilou', 6000, 20, 3),
    t('DANSE', 'Danse en ligne', 'Gisèle Poirier', 'Jeudi 19 h', 'Salle paroissiale Saint-Roch', 3500, 40, 2),
    t('AQUAREL', 'Aquarelle en plein air', 'Hélène Vézina', 'Vendredi 9 h 30', 'Jardin Jeanne-d’Arc', 6500, 10, 2),
    t('MARCHE', 'Marche santé', 'Lucien Boivin', 'Lundi 9 h', 'Départ du club', 0, null, 2),
    t('CHORALE', 'Chorale : concert du printemps', 'Jean-Guy Asselin', 'Mercredi 14 h', 'Église Saint-Charles-de-Limoilou', 2500, null, 1),
    t('CABANE', 'Sortie à la cabane à sucre', 'Francine Leclerc', 'Samedi 25 avril, 10 h', 'Érablière du Lac-Beauport', 4800, 50, 3, false),
  ],
  A26: [
    t('YOGA', 'Yoga doux', 'Claudette Bérubé', 'Lundi 13 h 30', 'Salle Jean-Talon', 6500, 10, 8),
    t('AQUA', 'Aquaforme', 'Réjean Thibault', 'Mercredi 10 h', 'Piscine du Cégep Limoilou', 7500, 20, 3),
    t('DANSE', 'Danse en ligne', 'Gisèle Poirier', 'Jeudi 19 h', 'Salle paroissiale Saint-Roch', 4500, 40, 3),
    t('BRIDGE', 'Bridge', 'Marcel Lachance', 'Mardi 13 h', 'Salle Marguerite-Bourgeoys', 2500, null, 2),
    t('WHIST', 'Whist militaire', 'Rosaire Gagné', 'Jeudi 13 h', 'Salle Marguerite-Bourgeoys', 2000, null, 2),
    t('TRICOT', 'Tricot et crochet', 'Réjeanne Plamondon', 'Mercredi 13 h 30', 'Salon des Érables', 2500, 15, 1),
    t('INFO', 'Informatique pour aînés : le téléphone intelligent', 'Karim Haddad', 'Mardi 13 h 30', 'Local informatique', 4000, 6, 5),
    t('VOYAGE', 'Voyage : le Marché de Noël allemand', 'Francine Leclerc', 'Samedi 29 novembre, 9 h', 'Départ du stationnement du club', 3500, 48, 2, false),
  ],
  H27: [
    t('YOGA', 'Yoga doux', 'Claudette Bérubé', 'Lundi 13 h 30', 'Salle Jean-Talon', 6500, 10, 8),
    t('TAICHI', 'Tai-chi', 'Văn Minh Nguyễn', 'Mardi 10 h', 'Gymnase du Centre Durocher', 5500, 25, 3),
    t('QUILLES', 'Quilles', 'Normand Harvey', 'Vendredi 13 h', 'Salon de quilles Laurentien', 9500, 32, 2),
    t('SCRABBLE', 'Scrabble duplicate', 'Micheline Savard', 'Lundi 9 h 30', 'Bibliothèque Gabrielle-Roy', 1500, null, 1),
    t('BALADI', 'Baladi', 'Nadia Khoury', 'Jeudi 10 h', 'Salle paroissiale Saint-Roch', 5000, 8, 5),
    t('CHORALE', 'Chorale Les Voix d’argent', 'Jean-Guy Asselin', 'Mercredi 14 h', 'Église Saint-Charles-de-Limoilou', 3000, null, 2),
    t('PEINT', "Peinture à l'huile", 'Hélène Vézina', 'Vendredi 9 h 30', 'Atelier du 2e étage', 8500, 10, 2),
    t('CONF', 'Conférence : Testament et mandat de protection', 'Me Louise Gauthier, notaire', 'Mardi 9 février, 14 h', 'Salle Jean-Talon', 0, null, 2, false),
  ],
};

/** The 40 demo activities, season by season. */
export function demoActivities(): DemoActivity[] {
  return DEMO_SEASONS.flatMap((season) =>
    (BY_SEASON[season.code] ?? []).map(({ key, ...rest }) => ({ ...rest, code: `${key}-${season.code}`, season: season.name })),
  );
}

/** Publishes the demo activities through createActivity, as an administrator would. */
export function insertDemoActivities(desk: Desk, admin: Actor): DemoActivity[] {
  const activities = demoActivities();
  const seasons = new Map(DEMO_SEASONS.map((s) => [s.name, s]));
  for (const activity of activities) {
    const season = seasons.get(activity.season);
    createActivity(desk, admin, {
      code: activity.code,
      name: activity.name,
      season: activity.season,
      leader: activity.leader,
      schedule: activity.schedule,
      place: activity.place,
      priceCents: activity.priceCents,
      capacity: activity.capacity,
      membershipRequired: activity.membershipRequired,
      startsOn: season?.startsOn ?? null,
      endsOn: season?.endsOn ?? null,
    });
  }
  return activities;
}
