import type { Language, Reason } from '../../src-shared/domain/vocabulary';

/** Names and texts for generated dossiers: French and English, realistic lengths. */

export const firstNames: Record<Language, readonly string[]> = {
  fr: [
    'Camille',
    'Léa',
    'Manon',
    'Chloé',
    'Inès',
    'Sarah',
    'Julie',
    'Emma',
    'Louise',
    'Zoé',
    'Hugo',
    'Lucas',
    'Thomas',
    'Nicolas',
    'Julien',
    'Maxime',
    'Antoine',
    'Romain',
    'Mathieu',
    'Yanis',
    'Amélie',
    'Élodie',
    'Céline',
    'Sébastien',
    'Benoît',
    'Rémi',
    'Gaëlle',
    'Noémie',
    'François',
    'Hélène',
  ],
  en: [
    'Oliver',
    'Harry',
    'Jack',
    'George',
    'Noah',
    'Charlie',
    'Jacob',
    'Alfie',
    'Olivia',
    'Amelia',
    'Isla',
    'Ava',
    'Emily',
    'Sophie',
    'Grace',
    'Lily',
    'James',
    'William',
    'Daniel',
    'Emma',
    'Chloe',
    'Ruby',
    'Ella',
    'Thomas',
    'Samuel',
    'Hannah',
    'Lucy',
    'Ethan',
    'Megan',
    'Ryan',
  ],
};
export const lastNames: Record<Language, readonly string[]> = {
  fr: [
    'Martin',
    'Bernard',
    'Dubois',
    'Thomas',
    'Robert',
    'Richard',
    'Petit',
    'Durand',
    'Leroy',
    'Moreau',
    'Simon',
    'Laurent',
    'Lefèvre',
    'Michel',
    'Garcia',
    'David',
    'Bertrand',
    'Roux',
    'Vincent',
    'Fournier',
    'Morel',
    'Girard',
    'André',
    'Mercier',
    'Dupont',
    'Lambert',
    'Bonnet',
    'François',
    'Martinez',
    'Legrand',
  ],
  en: [
    'Smith',
    'Jones',
    'Williams',
    'Taylor',
    'Brown',
    'Davies',
    'Evans',
    'Wilson',
    'Thomas',
    'Johnson',
    'Roberts',
    'Robinson',
    'Thompson',
    'Wright',
    'Walker',
    'White',
    'Edwards',
    'Hughes',
    'Green',
    'Hall',
    'Lewis',
    'Harris',
    'Clarke',
    'Patel',
    'Jackson',
    'Wood',
    'Turner',
    'Martin',
    'Cooper',
    'Hill',
  ],
};

const shopWords = [
  'Boutique',
  'Maison',
  'Atelier',
  'Comptoir',
  'Galerie',
  'Bazar',
  'Studio',
  'Market',
  'Store',
  'Outlet',
  'Depot',
  'Hub',
  'Corner',
  'Works',
  'Lab',
];
const shopThemes = [
  'Lumière',
  'Horizon',
  'Azur',
  'Céleste',
  'Nordique',
  'Provence',
  'Rivoli',
  'Bellevue',
  'Pixel',
  'Voyage',
  'Gadget',
  'Mode',
  'Sport',
  'Cuisine',
  'Jardin',
  'Librairie',
  'Vinyl',
  'Camping',
  'Bébé',
  'Déco',
  'Tech',
  'Audio',
  'Optic',
  'Velo',
  'Beauty',
  'Pet',
  'Games',
  'Home',
  'Print',
  'Cloud',
];

/** A merchant name unique for its index: "Maison Azur", "Pixel Store 3"… */
export function merchantName(i: number): string {
  const word = shopWords[i % shopWords.length] ?? 'Store';
  const theme = shopThemes[Math.floor(i / shopWords.length) % shopThemes.length] ?? 'Shop';
  const round = Math.floor(i / (shopWords.length * shopThemes.length));
  const base = i % 2 === 0 ? `${word} ${theme}` : `${theme} ${word}`;
  return round === 0 ? base : `${base} ${round + 1}`;
}

export const claims: Record<Language, Record<Reason, readonly string[]>> = {
  fr: {
    not_received: [
      "J'ai commandé et payé il y a plus de trois semaines et je n'ai toujours rien reçu. Le suivi indique « en cours d'acheminement » depuis dix jours et le marchand ne répond pas à mes e-mails.",
      "Commande jamais livrée. Le transporteur dit que le colis a été remis, mais je n'ai rien reçu et personne ne l'a signé chez moi.",
    ],
    damaged_or_defective: [
      "L'article est arrivé avec l'écran fissuré, l'emballage était écrasé. J'ai envoyé des photos au marchand, sans réponse.",
      "Le produit ne s'allume plus après deux jours d'utilisation. Je demande un remplacement ou un remboursement.",
    ],
    not_as_ordered: [
      "J'ai reçu une taille M au lieu d'une taille L, et la couleur ne correspond pas à la photo du site.",
      "Le modèle livré n'est pas celui commandé : il manque le chargeur et la référence est différente.",
    ],
    refund_problem: [
      "J'ai renvoyé l'article dans le délai de rétractation il y a un mois ; le marchand a confirmé la réception mais je n'ai pas été remboursé.",
      "Le marchand m'a annoncé un remboursement il y a trois semaines, rien n'est apparu sur ma carte.",
    ],
    after_sales: [
      'Le produit est encore sous garantie mais le service après-vente refuse la réparation sans explication.',
      "Je n'arrive pas à obtenir de réponse du SAV depuis que j'ai signalé la panne.",
    ],
    other: [
      'Je ne reconnais pas ce paiement sur mon relevé et je voudrais comprendre à quoi il correspond.',
      "J'ai été débité deux fois pour la même commande.",
    ],
  },
  en: {
    not_received: [
      'I ordered and paid over three weeks ago and have still received nothing. Tracking has said "in transit" for ten days and the merchant does not answer my e-mails.',
      'The order was never delivered. The carrier claims it was handed over, but nobody at my address signed for it.',
    ],
    damaged_or_defective: [
      'The item arrived with a cracked screen and the box was crushed. I sent photos to the merchant and heard nothing back.',
      'The product stopped turning on after two days. I would like a replacement or a refund.',
    ],
    not_as_ordered: [
      'I received size M instead of L, and the colour does not match the picture on the website.',
      'The model delivered is not the one I ordered: the charger is missing and the reference is different.',
    ],
    refund_problem: [
      'I returned the item within the withdrawal period a month ago; the merchant confirmed receipt but I have not been refunded.',
      'The merchant promised a refund three weeks ago and nothing has appeared on my card.',
    ],
    after_sales: [
      'The product is still under guarantee but after-sales refuse to repair it without explanation.',
      'I cannot get any answer from after-sales since I reported the fault.',
    ],
    other: [
      'I do not recognise this payment on my statement and would like to know what it is.',
      'I was charged twice for the same order.',
    ],
  },
};

export const merchantAnswers: Record<Language, readonly string[]> = {
  fr: [
    'Bonjour, nous sommes désolés pour ce désagrément. Le colis a été réexpédié ce jour, voici le nouveau numéro de suivi : 6A19283746501.',
    "Bonjour, après vérification nous proposons un remboursement partiel de 20 % ou le remplacement de l'article, au choix du client.",
    'Bonjour, notre transporteur indique une livraison le 12. Nous avons ouvert une enquête et reviendrons vers vous sous 48 heures.',
  ],
  en: [
    'Hello, we are sorry for the trouble. The parcel was sent again today; the new tracking number is 1Z999AA10123456784.',
    'Hello, having checked, we offer a 20% partial refund or a replacement, whichever the customer prefers.',
    'Hello, our carrier reports delivery on the 12th. We have opened an investigation and will come back within 48 hours.',
  ],
};

export const customerReplies: Record<Language, readonly string[]> = {
  fr: [
    "Merci, mais je n'ai toujours rien reçu à ce jour.",
    'Cette proposition ne me convient pas, je souhaite un remboursement complet.',
    "C'est bien reçu, merci pour votre aide.",
  ],
  en: [
    'Thank you, but I still have not received anything.',
    'That offer does not suit me; I would like a full refund.',
    'Received, thank you for your help.',
  ],
};

export const agentReplies: Record<Language, readonly string[]> = {
  fr: [
    'Bonjour, nous avons contacté le marchand et vérifions les informations de livraison. Nous revenons vers vous rapidement.',
    'Bonjour, pourriez-vous nous transmettre la facture et une photo du colis reçu afin que nous puissions appuyer votre demande ?',
    "Bonjour, le marchand confirme le remboursement sous 5 jours ouvrés. Merci de nous indiquer s'il apparaît bien sur votre compte.",
  ],
  en: [
    'Hello, we have contacted the merchant and are checking the delivery details. We will come back to you shortly.',
    'Hello, could you send us the invoice and a photo of the parcel you received so that we can support your claim?',
    'Hello, the merchant confirms a refund within 5 business days. Please let us know once it shows on your account.',
  ],
};

export const internalNotes: readonly string[] = [
  'Marchand déjà relancé deux fois ce trimestre — à surveiller.',
  'Client fiable, historique sans litige.',
  'Vérifier avec la banque acquéreuse si une rétrofacturation est en cours.',
  'Merchant promised a callback; follow up Thursday.',
  'Tracking shows delivery to a relay point — ask the customer to check.',
];

export const closingSummaries: readonly string[] = [
  'Remboursement intégral confirmé par le marchand, visible sur le compte du client.',
  'Article remplacé, le client confirme la bonne réception.',
  'Le débit correspond à un abonnement souscrit par le client ; réclamation non fondée.',
  'Refund of the price difference agreed and made by the merchant.',
  'Parcel found at the relay point and collected by the customer.',
];
