// Words the bench's generator draws from: people's and firms' names (some accented), what a call
// was about, projects. Fixed lists, so a seed alone decides the database.

export const FIRST = [
  'Anna', 'Björn', 'Chloé', 'Daniel', 'Élodie', 'Fatima', 'Günter', 'Hélène', 'Ingrid', 'José', 'Kai', 'Léa',
  'Mateo', 'Noémie', 'Olga', 'Pål', 'Quentin', 'Renée', 'Søren', 'Tomás', 'Ulla', 'Vincent', 'Wiebke', 'Xavier',
  'Yusuf', 'Zoë', 'Amélie', 'Bruno', 'Carmen', 'Dmitri', 'Eva', 'François', 'Greta', 'Hugo', 'Iñigo', 'Jana',
  'Kristóf', 'Lucía', 'Marek', 'Nadia', 'Oskar', 'Paula', 'Raúl', 'Sofia', 'Theo', 'Ursula', 'Valérie', 'Walter',
  'Yara', 'Zdeněk', 'Aiko', 'Priya', 'Kwame', 'Mei', 'Omar', 'Sven', 'Łukasz', 'Ana', 'Íris', 'Maëlle',
] as const;

export const LAST = [
  'Müller', 'Lefèvre', 'García', 'Nguyen', 'Kowalski', 'Andersson', 'Rossi', 'Dubois', 'Schmidt', 'Novák',
  'Fernández', 'Jensen', 'Moreau', 'Hoffmann', 'Silva', 'Costa', 'Öztürk', 'Papadopoulos', 'Horváth', 'Nowak',
  'Brown', 'Wilson', 'Taylor', 'Bianchi', 'Weiß', 'Fischer', 'Lindqvist', 'Sánchez', 'Janssen', 'Peeters',
  'Kovač', 'Dvořák', 'Ibáñez', 'Åberg', 'Ó Briain', 'MacLeod', 'Schäfer', 'Martínez', 'Ferreira', 'Virtanen',
  'Yamamoto', 'Chen', 'Okafor', 'Haddad', 'Larsen', 'Ström', 'Girard', 'Blanc', 'Vogel', 'Kerr',
] as const;

export const FIRM = [
  'Studio', 'Design', 'Labs', 'GmbH', 'SARL', 'Ltd', '& Söhne', '& Co', 'Consulting', 'Média', 'Architectes',
  'Digital', 'Verlag', 'Partners', 'Atelier', 'Foods', 'Brewing', 'Logistik', 'Café', 'Records',
] as const;

export const TOPICS = [
  'kickoff call', 'weekly check-in', 'scope review', 'design feedback', 'budget talk', 'invoice question',
  'deadline moved', 'new feature request', 'bug report', 'launch planning', 'contract renewal', 'quarterly roadmap',
  'hand-over', 'workshop', 'follow-up on proposal', 'sent the draft', 'asked for references', 'price negotiation',
  'retainer discussion', 'status update', 'asked about the schedule', 'content review', 'café meeting', 'migration plan',
] as const;

export const DETAILS = [
  'all good', 'needs another round', 'wants it sooner', 'happy with progress', 'unclear requirements',
  'agreed next steps', 'will send assets', 'pushed back on cost', 'asked for a discount', 'very positive',
  'slow to answer', 'new stakeholder joined', 'approved', 'on hold until spring', 'résumé of decisions sent',
] as const;

export const NEXT_STEPS = [
  'send quote', 'share mock-ups', 'schedule demo', 'chase payment', 'wait for feedback', 'prepare contract',
  'review copy', 'book workshop',
] as const;

export const PROJECTS = [
  'website', 'rebrand', 'app', 'shop', 'newsletter', 'intranet', 'campaign', 'catalogue', 'dashboard', 'api',
  'logo', 'annual report', 'booking system', 'podcast', 'photo shoot',
] as const;

export const CHANGE_SUMMARIES = [
  'extra page', 'new colour scheme', 'another language', 'export to PDF', 'login with Google', 'more photos',
  'change the copy again', 'add a blog', 'extra revision round', 'print version',
] as const;

export const REMINDER_TEXTS = [
  'follow up on the proposal', 'ask about the holiday', 'send feedback form', 'check the invoice was received',
  'ask how the launch went', 'birthday', 'renewal coming up', 'ask for a testimonial',
] as const;

export const INCIDENT_NOTES = [
  'called late at night', 'demanded free work', 'ignored our advice, blamed us', 'threatened to go elsewhere',
  'missed the review meeting', 'changed the brief after sign-off', 'misquoted the contract', 'rude on the phone',
] as const;

export const DISPUTE_REASONS = [
  'not what was ordered', 'late delivery', 'quality', 'hours contested', 'duplicate invoice',
] as const;
