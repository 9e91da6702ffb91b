import { businessDateOf, formatClockTime, formatLongDate } from './dates.js';
import type { Language } from './language.js';
import { formatMoney, formatSignedMoney } from './money.js';
import { countOf, lineLabel, ROLE_WORDS, type LineKind, type Role } from './words.js';

/** A line whose price was changed, as its message names it (the activity by its name, a membership in the reader's words). */
type PricedThing = { kind: LineKind; activityName?: string | null };

/**
 * A message in both languages from the error's parameters. Parameters carry raw values
 * (cents, YYYY-MM-DD business dates, ISO-8601 instants, role codes): each language formats them
 * its own way, « 25,40 $ » in French and "$25.40" in English.
 */
interface Message<P> {
  fr: (p: P) => string;
  en: (p: P) => string;
}
const message = <P = Record<never, never>>(m: Message<P>): Message<P> => m;

const roles = (list: readonly Role[], language: Language) =>
  list.map((role) => ROLE_WORDS.toWhom[language][role]).join(language === 'fr' ? ' ou ' : ' or ');
const quoted = (text: string, language: Language) => (language === 'fr' ? `« ${text} »` : `"${text}"`);

/**
 * Every error the core can raise, with what to tell the volunteer in French and English.
 * Messages say what happened and, where there is one, what to do next.
 */
const catalogue = {
  INVALID_INPUT: message<{ fr: string; en: string }>({
    fr: (p) => `Données invalides : ${p.fr}`,
    en: (p) => `Invalid input: ${p.en}`,
  }),
  DATABASE_TOO_NEW: message<{ found: number; known: number }>({
    fr: (p) =>
      `Cette base de données a été écrite par une version plus récente de Comptoir (schéma ${p.found}, cette version connaît ${p.known}). Elle n'a pas été modifiée : installez la dernière version de Comptoir.`,
    en: (p) =>
      `This database was written by a newer version of Comptoir (schema ${p.found}, this version knows ${p.known}). It was not changed: install the latest Comptoir.`,
  }),
  DATABASE_NOT_FOUND: message<{ file: string }>({
    fr: (p) => `Aucune base de données à cet endroit : ${p.file}. Vérifiez le chemin, ou préparez le poste avec « comptoir init ».`,
    en: (p) => `No database at this place: ${p.file}. Check the path, or set the desk up with "comptoir init".`,
  }),
  SERVER_PORT_UNAVAILABLE: message<{ host: string; port: number; taken: boolean }>({
    fr: (p) =>
      p.taken
        ? `Le port ${p.port} est déjà pris sur ${p.host} : le serveur du club y tourne peut-être déjà (npm start le démarre avec le premier poste). Arrêtez-le, ou choisissez un autre port avec --port.`
        : `Le serveur ne peut pas écouter sur ${p.host}, port ${p.port} (adresse absente de cet ordinateur, ou port réservé). Choisissez-en un autre avec --host ou --port.`,
    en: (p) =>
      p.taken
        ? `Port ${p.port} is already taken on ${p.host}: the club's server may be running there already (npm start starts it with the first desk). Stop it, or choose another port with --port.`
        : `The server cannot listen on ${p.host}, port ${p.port} (an address this computer lacks, or a reserved port). Choose another with --host or --port.`,
  }),
  SERVER_DATABASE_NOT_FOUND: message<{ file: string }>({
    fr: (p) => `Aucune base du serveur à cet endroit : ${p.file}. Rien n'a été créé. Indiquez la base avec --database (celle de npm start est data/serveur.sqlite), ou créez d'abord un club (create-club).`,
    en: (p) => `No server database at this place: ${p.file}. Nothing was created. Name the database with --database (npm start's is data/serveur.sqlite), or create a club first (create-club).`,
  }),
  SERVER_DATABASE_UNUSABLE: message<{ file: string; reason: { fr: string; en: string } }>({
    fr: (p) => `La base du serveur ne peut pas être ouverte : ${p.file} (${p.reason.fr}). Rien n'a été modifié.`,
    en: (p) => `The server's database cannot be opened: ${p.file} (${p.reason.en}). Nothing was changed.`,
  }),
  NOT_A_SERVER_DATABASE: message<{ file: string }>({
    fr: (p) => `Ce fichier n'est pas la base d'un serveur de Comptoir (celle d'un poste, peut-être) : ${p.file}. Il n'a pas été modifié.`,
    en: (p) => `This file is not a Comptoir server's database (a desk's, perhaps): ${p.file}. It was not changed.`,
  }),
  NOT_A_COMPTOIR_DATABASE: message<{ file: string }>({
    fr: (p) => `Ce fichier n'est pas une base de données de Comptoir : ${p.file}. Il n'a pas été modifié.`,
    en: (p) => `This file is not a Comptoir database: ${p.file}. It was not changed.`,
  }),
  DATABASE_DAMAGED: message<{ file: string }>({
    fr: (p) =>
      `Le fichier de la base de données est endommagé (${p.file}) : Comptoir n'y écrit plus rien, pour ne rien aggraver. Ne vendez plus sur ce poste : notez les ventes sur papier et appelez le responsable, qui restaurera la dernière copie de sauvegarde (« comptoir restore »).`,
    en: (p) =>
      `The database file is damaged (${p.file}): Comptoir writes nothing more to it, so as not to make it worse. Stop selling at this desk: write sales down on paper and call the person in charge, who will restore the latest backup ("comptoir restore").`,
  }),
  DATABASE_BUSY: message<{ file: string }>({
    fr: () => `Un autre programme utilise la base de données en ce moment (une copie, une sauvegarde, un second Comptoir ?). Attendez qu'il ait fini ou fermez-le, puis réessayez : rien n'a été enregistré.`,
    en: () => `Another program is using the database right now (a copy, a backup, a second Comptoir?). Wait until it is done or close it, then try again: nothing was saved.`,
  }),
  DISK_FULL: message<{ file: string }>({
    fr: () => `Le disque est plein : rien n'a été enregistré. Libérez de la place (videz la corbeille, retirez des fichiers inutiles) puis réessayez.`,
    en: () => `The disk is full: nothing was saved. Free some space (empty the bin, remove files you do not need), then try again.`,
  }),
  DATABASE_READ_ONLY: message<{ file: string }>({
    fr: (p) => `La base de données ne peut pas être modifiée (fichier en lecture seule ou disque protégé) : ${p.file}. Rien n'a été enregistré. Demandez au responsable de rendre le fichier modifiable.`,
    en: (p) => `The database cannot be changed (read-only file or protected disk): ${p.file}. Nothing was saved. Ask the person in charge to make the file writable.`,
  }),
  DISK_ERROR: message<{ file: string }>({
    fr: () => `Le disque n'a pas pu lire ou écrire la base de données (clé USB retirée ?) : rien n'a été enregistré. Vérifiez le disque puis réessayez.`,
    en: () => `The disk could not read or write the database (USB key removed?): nothing was saved. Check the disk, then try again.`,
  }),
  DATABASE_CANNOT_OPEN: message<{ file: string }>({
    fr: (p) => `La base de données ne peut pas être ouverte : ${p.file}. Vérifiez que le dossier existe et que Comptoir a le droit d'y écrire.`,
    en: (p) => `The database cannot be opened: ${p.file}. Check that the folder exists and that Comptoir may write in it.`,
  }),
  DATABASE_ENCRYPTED: message<{ file: string }>({
    fr: (p) => `Cette base de données est chiffrée : ${p.file}. Indiquez sa clé (fichier de clé ou variable COMPTOIR_DB_KEY).`,
    en: (p) => `This database is encrypted: ${p.file}. Give its key (key file or COMPTOIR_DB_KEY).`,
  }),
  DATABASE_KEY_WRONG: message<{ file: string }>({
    fr: (p) => `La clé ne correspond pas à cette base de données : ${p.file}. Vérifiez que c'est la clé de ce poste ; la base n'a pas été modifiée.`,
    en: (p) => `The key does not open this database: ${p.file}. Check that it is this desk's key; the database was not changed.`,
  }),
  DATABASE_KEY_INVALID: message<{ source: string }>({
    fr: (p) => `La clé de chiffrement (${p.source}) doit compter 64 chiffres hexadécimaux (0-9, a-f).`,
    en: (p) => `The encryption key (${p.source}) must be 64 hexadecimal digits (0-9, a-f).`,
  }),
  KEY_FILE_NOT_FOUND: message<{ path: string }>({
    fr: (p) => `Le fichier de clé est introuvable : ${p.path}.`,
    en: (p) => `The key file cannot be found: ${p.path}.`,
  }),
  DATABASE_NEEDS_UPGRADE: message<{ file: string }>({
    fr: (p) => `Cette base de données a été écrite par une version plus ancienne de Comptoir : ${p.file}. Ouvrez-la une fois avec Comptoir (ou « comptoir backup ») pour la mettre à jour, puis recommencez.`,
    en: (p) => `This database was written by an older Comptoir: ${p.file}. Open it once with Comptoir (or "comptoir backup") to update it, then try again.`,
  }),
  BACKUP_NOT_VALID: message<{ file: string; problem: string }>({
    fr: (p) => `La copie de sauvegarde ${p.file} ne peut pas être restaurée : ${p.problem}. La base actuelle n'a pas été touchée.`,
    en: (p) => `Backup ${p.file} cannot be restored: ${p.problem}. The current database was not touched.`,
  }),
  DATABASE_NOT_INITIALIZED: message({
    fr: () => `Ce poste n'est pas encore configuré : lancez « comptoir init » avec le nom du poste et le préfixe des reçus.`,
    en: () => `This desk is not set up yet: run "comptoir init" with the desk name and receipt prefix.`,
  }),
  ALREADY_INITIALIZED: message<{ name: string; prefix: string }>({
    fr: (p) => `Ce poste est déjà configuré (« ${p.name} », préfixe ${p.prefix}).`,
    en: (p) => `This desk is already set up ("${p.name}", prefix ${p.prefix}).`,
  }),
  MEMBER_NOT_ON_DESK: message<{ memberId: string }>({
    fr: () => `Ce membre n'est pas sur ce poste : l'opération qui le touche ne peut pas s'y appliquer. Avertissez l'administrateur du serveur.`,
    en: () => `That member is not on this desk: the operation about them cannot apply here. Tell the server's administrator.`,
  }),
  PULLED_NOT_APPLICABLE: message<{ action: string; detail: string }>({
    fr: (p) => `Cette opération (${p.action}) reçue d'un autre poste ne s'applique pas à ce poste (détail technique : ${p.detail}). Avertissez l'administrateur du serveur.`,
    en: (p) => `This operation (${p.action}) from another desk does not apply to this desk (technical detail: ${p.detail}). Tell the server's administrator.`,
  }),
  MEMBER_NOT_FOUND: message<{ ref: string | number }>({
    fr: (p) => `Aucun membre ne porte le numéro ${p.ref}.`,
    en: (p) => `No member has number ${p.ref}.`,
  }),
  POSSIBLE_DUPLICATE: message<{ count: number }>({
    fr: (p) => `Ce membre existe peut-être déjà (${countOf(p.count, 'similarRecord', 'fr')}). Vérifiez, puis choisissez « Créer quand même » si c'est bien une autre personne.`,
    en: (p) => `This member may already exist (${countOf(p.count, 'similarRecord', 'en')}). Check, then choose "Create anyway" if this really is another person.`,
  }),
  NO_MEMBER_NUMBERS_LEFT: message({
    fr: () => `Ce poste n'a plus de numéros de membre réservés. Demandez à l'administrateur d'ajouter un bloc de numéros.`,
    en: () => `This desk has no reserved member numbers left. Ask the administrator to add a block of numbers.`,
  }),
  NUMBER_BLOCK_OVERLAP: message<{ first: number; last: number }>({
    fr: (p) => `Le bloc ${p.first}–${p.last} chevauche des numéros déjà réservés ou attribués.`,
    en: (p) => `Block ${p.first}–${p.last} overlaps numbers already reserved or given.`,
  }),
  ALREADY_RENEWED: message<{ expiresOn: string; receipt: string | null }>({
    fr: (p) =>
      `Ce membre a déjà renouvelé : son adhésion est valide jusqu'au ${formatLongDate(p.expiresOn, 'fr')}${p.receipt ? ` (reçu ${p.receipt})` : ''}. Un second renouvellement demande une confirmation.`,
    en: (p) =>
      `This member already renewed: the membership runs until ${formatLongDate(p.expiresOn, 'en')}${p.receipt ? ` (receipt ${p.receipt})` : ''}. A second renewal needs a confirmation.`,
  }),
  ACTIVITY_NOT_FOUND: message<{ ref: string }>({
    fr: (p) => `L'activité ${p.ref} n'existe pas.`,
    en: (p) => `Activity ${p.ref} does not exist.`,
  }),
  ACTIVITY_CODE_TAKEN: message<{ code: string }>({
    fr: (p) => `Le code d'activité ${p.code} est déjà utilisé.`,
    en: (p) => `Activity code ${p.code} is already used.`,
  }),
  ACTIVITY_FULL: message<{ name: string; capacity: number }>({
    fr: (p) => `L'activité « ${p.name} » est complète (${p.capacity} places). Le membre peut être mis sur la liste d'attente.`,
    en: (p) => `"${p.name}" is full (${p.capacity} places). The member can be put on the waitlist.`,
  }),
  MEMBERSHIP_REQUIRED: message<{ name: string }>({
    fr: (p) => `L'activité « ${p.name} » demande une adhésion active. Renouvelez d'abord l'adhésion du membre (dans le même panier si vous voulez).`,
    en: (p) => `"${p.name}" requires an active membership. Renew the member's membership first (in the same cart if you like).`,
  }),
  ALREADY_REGISTERED: message<{ name: string; status: 'registered' | 'waitlisted' | 'cancelled' }>({
    fr: (p) => `Ce membre est déjà ${p.status === 'waitlisted' ? "sur la liste d'attente de" : 'inscrit à'} « ${p.name} ».`,
    en: (p) => `This member is already ${p.status === 'waitlisted' ? 'on the waitlist of' : 'registered to'} "${p.name}".`,
  }),
  REGISTRATION_NOT_FOUND: message({
    fr: () => `Cette inscription n'existe pas ou est déjà annulée.`,
    en: () => `This registration does not exist or is already cancelled.`,
  }),
  PAYMENT_MISMATCH: message<{ paidCents: number; dueCents: number }>({
    fr: (p) => `Les paiements (${formatMoney(p.paidCents, 'fr')}) ne correspondent pas au total à payer (${formatMoney(p.dueCents, 'fr')}).`,
    en: (p) => `The payments (${formatMoney(p.paidCents, 'en')}) do not match the amount due (${formatMoney(p.dueCents, 'en')}).`,
  }),
  ONE_CASH_PAYMENT: message({
    fr: () => `Un seul paiement comptant par transaction : additionnez les montants remis.`,
    en: () => `Only one cash payment per transaction: add up the amounts tendered.`,
  }),
  TENDERED_TOO_LOW: message<{ tenderedCents: number; dueCents: number }>({
    fr: (p) => `Le montant remis (${formatMoney(p.tenderedCents, 'fr')}) est inférieur au montant à payer comptant (${formatMoney(p.dueCents, 'fr')}).`,
    en: (p) => `The cash tendered (${formatMoney(p.tenderedCents, 'en')}) is less than the cash due (${formatMoney(p.dueCents, 'en')}).`,
  }),
  NOTHING_DUE_IN_CASH: message<{ tenderedCents: number }>({
    fr: (p) => `Il ne reste rien à payer comptant : rendez les ${formatMoney(p.tenderedCents, 'fr')} au membre, ou enlevez le paiement comptant.`,
    en: (p) => `Nothing is left to pay in cash: hand the ${formatMoney(p.tenderedCents, 'en')} back, or remove the cash payment.`,
  }),
  INSUFFICIENT_CREDIT: message<{ balanceCents: number; amountCents: number }>({
    fr: (p) => `Le crédit du membre (${formatMoney(p.balanceCents, 'fr')}) ne suffit pas pour payer ${formatMoney(p.amountCents, 'fr')}.`,
    en: (p) => `The member's credit (${formatMoney(p.balanceCents, 'en')}) is not enough to pay ${formatMoney(p.amountCents, 'en')}.`,
  }),
  MEMBER_REQUIRED: message({
    fr: () => `Choisissez d'abord un membre : ce paiement ou cet article lui est rattaché.`,
    en: () => `Choose a member first: this payment or item belongs to one.`,
  }),
  NO_OPEN_CASH_SESSION: message({
    fr: () => `La caisse n'est pas ouverte. Ouvrez la caisse (compter le fonds de caisse) avant d'encaisser.`,
    en: () => `The cash drawer is not open. Open the drawer (count the float) before taking payments.`,
  }),
  CASH_SESSION_ALREADY_OPEN: message<{ openedAt: string }>({
    fr: (p) => `La caisse de ce poste est déjà ouverte depuis ${formatClockTime(p.openedAt, 'fr')}. Fermez-la avant d'en ouvrir une autre.`,
    en: (p) => `This desk's drawer has been open since ${formatClockTime(p.openedAt, 'en')}. Close it before opening another.`,
  }),
  DIFFERENCE_REASON_REQUIRED: message<{ differenceCents: number }>({
    fr: (p) => `La caisse présente un écart de ${formatSignedMoney(p.differenceCents, 'fr')}. Indiquez la raison de l'écart pour fermer la caisse.`,
    en: (p) => `The drawer is off by ${formatSignedMoney(p.differenceCents, 'en')}. Give a reason for the difference to close it.`,
  }),
  NOT_ENOUGH_CASH: message<{ availableCents: number; amountCents: number }>({
    fr: (p) => `La caisse ne contient que ${formatMoney(p.availableCents, 'fr')} ; impossible de sortir ${formatMoney(p.amountCents, 'fr')}.`,
    en: (p) => `The drawer only holds ${formatMoney(p.availableCents, 'en')}; cannot take out ${formatMoney(p.amountCents, 'en')}.`,
  }),
  VOID_DRAWER_CLOSED: message<{ receipt: string; date: string }>({
    fr: (p) =>
      `La vente ${p.receipt} a été encaissée dans une caisse fermée depuis (${formatLongDate(p.date, 'fr')}) : elle ne peut plus être annulée. Faites plutôt un remboursement (trésorier ou administrateur).`,
    en: (p) =>
      `Sale ${p.receipt} was taken in a drawer that has since been closed (${formatLongDate(p.date, 'en')}): it can no longer be voided. Make a refund instead (treasurer or administrator).`,
  }),
  VOID_OTHER_DRAWER: message<{ receipt: string; desk: string }>({
    fr: (p) => `La vente ${p.receipt} a été encaissée à la caisse du poste « ${p.desk} » : annulez-la à ce poste tant que sa caisse est ouverte, ou faites un remboursement.`,
    en: (p) => `Sale ${p.receipt} was taken in the drawer of desk "${p.desk}": void it at that desk while its drawer is open, or make a refund.`,
  }),
  ORDER_NOT_FOUND: message<{ ref: string }>({
    fr: (p) => `La transaction ${p.ref} n'existe pas.`,
    en: (p) => `Transaction ${p.ref} does not exist.`,
  }),
  ORDER_ALREADY_CORRECTED: message<{ receipt: string; by: string }>({
    fr: (p) => `La transaction ${p.receipt} a déjà été annulée ou remboursée (${p.by}).`,
    en: (p) => `Transaction ${p.receipt} was already voided or refunded (${p.by}).`,
  }),
  NOT_A_SALE: message<{ receipt: string }>({
    fr: (p) => `${p.receipt} est déjà une annulation ou un remboursement : il ne peut pas être corrigé à son tour.`,
    en: (p) => `${p.receipt} is itself a void or a refund: it cannot be corrected in turn.`,
  }),
  CARD_REFUND_REQUIRED: message<{ count: number }>({
    fr: (p) => `Cette transaction a ${countOf(p.count, 'cardPayment', 'fr')} : remboursez-les d'abord au terminal, puis entrez le code d'autorisation de chaque remboursement.`,
    en: (p) => `This transaction has ${countOf(p.count, 'cardPayment', 'en')}: refund them on the terminal first, then enter each refund's approval code.`,
  }),
  PRICE_ABOVE_CLUB_PRICE: message<{ line: PricedThing; listCents: number }>({
    fr: (p) => `Le prix de « ${lineLabel(p.line, 'fr')} » peut seulement être baissé : le prix du club est ${formatMoney(p.listCents, 'fr')}.`,
    en: (p) => `The price of "${lineLabel(p.line, 'en')}" can only be lowered: the club's price is ${formatMoney(p.listCents, 'en')}.`,
  }),
  PRICE_REASON_REQUIRED: message<{ line: PricedThing }>({
    fr: (p) => `Dites pourquoi le prix de « ${lineLabel(p.line, 'fr')} » est changé : le trésorier le lira dans le rapport de la journée.`,
    en: (p) => `Say why the price of "${lineLabel(p.line, 'en')}" is changed: the treasurer reads it in the day report.`,
  }),
  LINE_NOT_REFUNDABLE: message<{ position: number; receipt: string }>({
    fr: (p) => `La ligne ${p.position} du reçu ${p.receipt} n'existe pas, est un arrondi ou a déjà été remboursée.`,
    en: (p) => `Line ${p.position} of receipt ${p.receipt} does not exist, is a rounding or was already refunded.`,
  }),
  NO_EMAIL_ADDRESS: message({
    fr: () => `Ce membre n'a pas d'adresse courriel : entrez-en une, ou imprimez le reçu.`,
    en: () => `This member has no email address: enter one, or print the receipt.`,
  }),
  NOT_SIGNED_IN: message({
    fr: () => `Votre session est terminée (inactivité). Choisissez votre nom et entrez votre NIP.`,
    en: () => `Your session has ended (inactivity). Choose your name and enter your PIN.`,
  }),
  UNKNOWN_METHOD: message<{ method: string }>({
    fr: (p) => `Demande inconnue : ${p.method}.`,
    en: (p) => `Unknown request: ${p.method}.`,
  }),
  INTERNAL: message({
    fr: () => `Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez, puis appelez le responsable si elle revient.`,
    en: () => `An unexpected error occurred; nothing was saved. Try again, then call the person in charge if it happens again.`,
  }),
  USER_NOT_FOUND: message({
    fr: () => `Ce bénévole n'existe pas ou n'est plus actif.`,
    en: () => `This volunteer does not exist or is no longer active.`,
  }),
  USER_NAME_TAKEN: message<{ name: string }>({
    fr: (p) => `Le nom ${quoted(p.name, 'fr')} est déjà utilisé par un autre bénévole.`,
    en: (p) => `The name ${quoted(p.name, 'en')} is already used by another volunteer.`,
  }),
  WRONG_PIN: message<{ left: number }>({
    fr: (p) => `NIP incorrect. Essayez de nouveau (encore ${countOf(p.left, 'attempt', 'fr')} avant le blocage).`,
    en: (p) => `Wrong PIN. Try again (${countOf(p.left, 'attempt', 'en')} left before lock-out).`,
  }),
  USER_LOCKED: message<{ until: string }>({
    fr: (p) => `Trop d'essais : ce compte est bloqué jusqu'à ${formatClockTime(p.until, 'fr')}. Un administrateur peut le débloquer.`,
    en: (p) => `Too many attempts: this account is locked until ${formatClockTime(p.until, 'en')}. An administrator can unlock it.`,
  }),
  DESK_THROTTLED: message<{ seconds: number }>({
    fr: (p) => `Trop de NIP erronés sur ce poste : attendez ${p.seconds} ${p.seconds > 1 ? 'secondes' : 'seconde'}, puis réessayez. Si quelqu'un essaie des NIP au hasard, prévenez le responsable.`,
    en: (p) => `Too many wrong PINs at this desk: wait ${p.seconds} ${p.seconds === 1 ? 'second' : 'seconds'}, then try again. If someone is trying PINs at random, tell the person in charge.`,
  }),
  FORBIDDEN: message<{ roles: readonly Role[] }>({
    fr: (p) => `Cette action est réservée ${roles(p.roles, 'fr')}.`,
    en: (p) => `This action is reserved to ${roles(p.roles, 'en')}.`,
  }),
  RECEIPT_EMAIL_ELSEWHERE: message<{ roles: readonly Role[] }>({
    fr: (p) => `Ce reçu ne peut être envoyé qu'à l'adresse courriel du membre. L'envoyer ailleurs est réservé ${roles(p.roles, 'fr')} : un reçu dit le nom du membre et ce qu'il a payé.`,
    en: (p) => `This receipt can only be sent to the member's email address. Sending it elsewhere is reserved to ${roles(p.roles, 'en')}: a receipt shows the member's name and what they paid.`,
  }),
  EMAIL_CHANGE_RESERVED: message<{ roles: readonly Role[] }>({
    fr: (p) => `Changer ou effacer l'adresse courriel d'un membre est réservé ${roles(p.roles, 'fr')} : le membre s'en sert pour se connecter à la plateforme. Vous pouvez modifier le reste de la fiche.`,
    en: (p) => `Changing or removing a member's email address is reserved to ${roles(p.roles, 'en')}: the member signs in to the platform with it. You may change the rest of the record.`,
  }),
  LEADER_OTHER_ACTIVITY: message<{ name: string }>({
    fr: (p) => `Vous pouvez inscrire ou désinscrire des membres seulement aux activités dont vous êtes responsable ; ${quoted(p.name, 'fr')} ne l'est pas. Demandez à un bénévole de la table.`,
    en: (p) => `You may register or cancel members only in the activities you lead; ${quoted(p.name, 'en')} is not one of them. Ask a volunteer at the desk.`,
  }),
  MEMBER_ALREADY_ERASED: message<{ number: number; at: string }>({
    fr: (p) => `Les renseignements personnels du membre ${p.number} ont déjà été effacés le ${formatLongDate(businessDateOf(p.at), 'fr')}.`,
    en: (p) => `Member ${p.number}'s personal information was already erased on ${formatLongDate(businessDateOf(p.at), 'en')}.`,
  }),
  SYNC_UNAUTHENTICATED: message({
    fr: () => `Le serveur du club ne reconnaît pas ce poste. Inscrivez-le de nouveau avec un code d'inscription demandé à l'administrateur du club.`,
    en: () => `The club's server does not recognize this desk. Enroll it again with an enrollment code from the club's administrator.`,
  }),
  DESK_REVOKED: message<{ name: string }>({
    fr: (p) => `Le poste « ${p.name} » a été retiré du club par son administrateur : il ne peut plus se synchroniser. Ses données restent sur ce poste. Demandez un nouveau code d'inscription à l'administrateur.`,
    en: (p) => `Desk "${p.name}" was removed from the club by its administrator: it can no longer sync. Its data stays on this desk. Ask the administrator for a new enrollment code.`,
  }),
  ENROLLMENT_CODE_INVALID: message({
    fr: () => `Ce code d'inscription n'est pas valide : il a peut-être déjà servi ou expiré. Vérifiez-le, ou demandez-en un nouveau à l'administrateur du club.`,
    en: () => `This enrollment code is not valid: it may have been used already or have expired. Check it, or ask the club's administrator for a new one.`,
  }),
  CHAIN_BROKEN: message<{ desk: string; seq: number; problem: 'gap' | 'fork' | 'rewritten' }>({
    fr: (p) =>
      `Le journal du poste « ${p.desk} » ne suit pas ce que le serveur en a déjà reçu (opération ${p.seq} : ${
        { gap: 'des opérations manquent avant elle', fork: 'elle ne suit pas la précédente', rewritten: 'elle a été modifiée depuis son envoi' }[p.problem]
      }). Rien n'a été enregistré ; l'administrateur du club est prévenu.`,
    en: (p) =>
      `Desk "${p.desk}"'s log does not follow what the server already received from it (operation ${p.seq}: ${
        { gap: 'operations are missing before it', fork: 'it does not follow the one before', rewritten: 'it was changed since it was sent' }[p.problem]
      }). Nothing was recorded; the club's administrator is told.`,
  }),
  ENTRY_OF_ANOTHER_DESK: message<{ seq: number }>({
    fr: (p) => `L'opération ${p.seq} a été écrite par un autre poste : un poste n'envoie que son propre journal. Rien n'a été enregistré.`,
    en: (p) => `Operation ${p.seq} was written by another desk: a desk sends only its own log. Nothing was recorded.`,
  }),
  OPERATION_ID_REUSED: message<{ seq: number }>({
    fr: (p) => `L'opération ${p.seq} porte l'identifiant d'une opération que le serveur a déjà reçue d'ailleurs. Rien n'a été enregistré.`,
    en: (p) => `Operation ${p.seq} carries the id of an operation the server already received from elsewhere. Nothing was recorded.`,
  }),
  CLUB_NOT_FOUND: message<{ club: string }>({
    fr: (p) => `Aucun club « ${p.club} » sur ce serveur.`,
    en: (p) => `No club "${p.club}" on this server.`,
  }),
  CLUB_EXISTS: message<{ club: string }>({
    fr: (p) => `Un club « ${p.club} » existe déjà sur ce serveur.`,
    en: (p) => `A club "${p.club}" already exists on this server.`,
  }),
  DESK_NOT_FOUND: message<{ desk: string }>({
    fr: (p) => `Aucun poste « ${p.desk} » dans ce club.`,
    en: (p) => `No desk "${p.desk}" in this club.`,
  }),
  MAIL_SETTINGS_INVALID: message<{ problem: string }>({
    fr: (p) => `Réglages du courriel invalides : ${p.problem}. Exemple : --smtp smtp://utilisateur:motdepasse@smtp.exemple.ca:587 --mail-from courriel@club.ca (ou --mail-dir dossier pour écrire les messages dans un dossier).`,
    en: (p) => `Invalid mail settings: ${p.problem}. Example: --smtp smtp://user:password@smtp.example.ca:587 --mail-from mail@club.ca (or --mail-dir folder to write the messages to a folder).`,
  }),
  SERVER_ADDRESS_INSECURE: message<{ address: string }>({
    fr: (p) => `L'adresse ${p.address} n'est pas sécurisée : le serveur du club doit être joint en https:// (http:// n'est permis que sur cet ordinateur même).`,
    en: (p) => `The address ${p.address} is not secure: the club's server must be reached over https:// (http:// is allowed only on this computer itself).`,
  }),
  SERVER_UNREACHABLE: message<{ address: string }>({
    fr: (p) => `Le serveur du club (${p.address}) ne répond pas. Le poste continue hors ligne et réessaiera.`,
    en: (p) => `The club's server (${p.address}) does not answer. The desk carries on offline and will try again.`,
  }),
  REQUEST_TOO_LARGE: message({
    fr: () => `La demande est trop grosse pour le serveur. Rien n'a été enregistré.`,
    en: () => `The request is too large for the server. Nothing was recorded.`,
  }),
  RATE_LIMITED: message({
    fr: () => `Trop de demandes en peu de temps : attendez une minute et réessayez.`,
    en: () => `Too many requests in a short time: wait a minute and try again.`,
  }),
  ROUTE_NOT_FOUND: message<{ route: string }>({
    fr: (p) => `Le serveur ne connaît pas ${p.route}.`,
    en: (p) => `The server does not know ${p.route}.`,
  }),
  SERVER_ANSWER_INVALID: message<{ address: string }>({
    fr: (p) => `L'adresse ${p.address} répond, mais pas comme le serveur d'un club Comptoir (ou d'une autre version) : vérifiez l'adresse du serveur. Rien n'a été enregistré sur ce poste.`,
    en: (p) => `The address ${p.address} answers, but not as a Comptoir club server (or one of another version): check the server's address. Nothing was recorded on this desk.`,
  }),
  SERVER_REFUSED: message<{ fr: string; en: string }>({
    fr: (p) => p.fr,
    en: (p) => p.en,
  }),
  JOIN_NEEDS_NEW_FILE: message<{ file: string }>({
    fr: (p) => `Un poste se joint au serveur du club à sa toute première mise en route, et ${p.file} existe déjà. Choisissez un nouveau fichier pour ce poste.`,
    en: (p) => `A desk joins the club's server when it is first set up, and ${p.file} already exists. Choose a new file for this desk.`,
  }),
  NOT_JOINED: message({
    fr: () => `Ce poste est autonome : il ne s'est joint à aucun serveur de club. Joignez-le avec « comptoir join --server ADRESSE --code CODE » sur un poste neuf.`,
    en: () => `This desk stands alone: it joined no club server. Join one with "comptoir join --server ADDRESS --code CODE" on a new desk.`,
  }),
  MEMBER_DETAILS_UNREADABLE: message<{ number: number }>({
    fr: (p) => `Les coordonnées du membre ${p.number} ne se lisent plus sur le serveur (modifiées ou abîmées sur son disque) : ses courriels attendent. Les postes, eux, les ont toujours.`,
    en: (p) => `Member ${p.number}'s details can no longer be read on the server (changed or damaged on its disk): their emails wait. The desks still hold them.`,
  }),
  SNAPSHOT_NOT_FOUND: message({
    fr: () => `Le serveur n'a pas encore d'instantané du club : le poste reçoit le journal du club depuis le début.`,
    en: () => `The server has no snapshot of the club yet: the desk receives the club's log from the start.`,
  }),
  SNAPSHOT_UNUSABLE: message<{ reason: string }>({
    fr: (p) => `L'instantané du club reçu du serveur est inutilisable (${p.reason}) : le poste reçoit le journal du club depuis le début.`,
    en: (p) => `The club snapshot received from the server cannot be used (${p.reason}): the desk receives the club's log from the start.`,
  }),
  SERVER_NUMBER_BLOCK_OVERLAP: message<{ first: number; last: number }>({
    fr: (p) =>
      `Le serveur du club a donné à ce poste les numéros de membre ${p.first} à ${p.last}, dont certains sont déjà à ce poste : sa base a peut-être été remise à une copie ancienne. Rien n'a été ajouté ; le poste continue avec ses numéros. Avertissez l'administrateur du serveur.`,
    en: (p) =>
      `The club's server gave this desk member numbers ${p.first} to ${p.last}, some of which this desk already has: its database may have been put back to an old copy. Nothing was added; the desk carries on with its numbers. Tell the server's administrator.`,
  }),
  PULLED_CHAIN_BROKEN: message<{ seq: number; deskId: string }>({
    fr: (p) =>
      `Le serveur du club a envoyé une entrée (${p.seq}) du journal d'un autre poste qui ne suit pas la précédente. Rien de cette page n'a été appliqué ; le poste réessaiera. Avertissez l'administrateur du serveur.`,
    en: (p) =>
      `The club's server sent an entry (${p.seq}) of another desk's log that does not follow the one before. Nothing of that page was applied; the desk will try again. Tell the server's administrator.`,
  }),
  SERVER_FAILURE: message({
    fr: () => `Le serveur du club a eu un problème. Rien n'est perdu : le poste réessaiera.`,
    en: () => `The club's server had a problem. Nothing is lost: the desk will try again.`,
  }),
  OPERATION_INVALID: message<{ seq: number; kind: string; problem: string }>({
    fr: (p) => `Journal : l'opération ${p.seq} (${p.kind}) ne peut pas être relue : ${p.problem}.`,
    en: (p) => `Log: operation ${p.seq} (${p.kind}) cannot be read back: ${p.problem}.`,
  }),
};

export type ErrorCode = keyof typeof catalogue;
/** The parameters an error code's messages need. */
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof catalogue)[C]['fr']>[0];
type ParamsArgument<C extends ErrorCode> = Record<never, never> extends ErrorParams<C> ? [params?: ErrorParams<C>, details?: unknown] : [params: ErrorParams<C>, details?: unknown];

/** The shape errors take when they cross a boundary: data, never a stack trace. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * A refusal the volunteer can act on: a code from the catalogue, its raw parameters, and
 * optional details for the screen (the look-alike members of POSSIBLE_DUPLICATE). Its `message`
 * is the French one, for logs and the command line.
 */
export class ComptoirError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams<C>;
  readonly details: unknown;

  constructor(code: C, ...[params, details]: ParamsArgument<C>) {
    const given = (params ?? {}) as ErrorParams<C>;
    super(catalogue[code].fr(given as never));
    this.name = 'ComptoirError';
    this.code = code;
    this.params = given;
    this.details = details;
  }

  /** The message in the reader's language. */
  messageIn(language: Language): string {
    return catalogue[this.code][language](this.params as never);
  }

  toData(language: Language = 'fr'): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.messageIn(language) }
      : { code: this.code, message: this.messageIn(language), details: this.details };
  }
}

export function isComptoirError(error: unknown): error is ComptoirError {
  return error instanceof ComptoirError;
}
