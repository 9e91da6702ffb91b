import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, DeskConfigError, loadDeskConfig } from '../../src-main/electron/config.js';

function folderWith(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-config-'));
  if (config !== undefined) writeFileSync(join(dir, CONFIG_FILE_NAME), config);
  return dir;
}

function failure(dir: string): string {
  try {
    loadDeskConfig(dir, {});
  } catch (error) {
    expect(error).toBeInstanceOf(DeskConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('the desk configuration', () => {
  it('starts in French on comptoir.sqlite next to it when there is no file', () => {
    const dir = folderWith();
    expect(loadDeskConfig(dir, {})).toEqual({
      configFile: join(dir, CONFIG_FILE_NAME),
      databaseFile: join(dir, 'comptoir.sqlite'),
      language: 'fr',
      updateFeedUrl: null,
      printerName: null,
      paper: { receipt: 'letter', card: 'cr80' },
    });
  });

  it('reads the database, language, update feed and printer', () => {
    const dir = folderWith(
      '\uFEFF' +
        JSON.stringify({
          databaseFile: 'poste-1.sqlite',
          language: 'en',
          updateFeedUrl: 'https://mises-a-jour.exemple.org/comptoir/',
          printerName: ' EPSON TM-T20III ',
          receiptPaper: 'roll',
          cardPaper: 'letter',
        }),
    );
    expect(loadDeskConfig(dir, {})).toMatchObject({
      databaseFile: join(dir, 'poste-1.sqlite'),
      language: 'en',
      updateFeedUrl: 'https://mises-a-jour.exemple.org/comptoir/',
      printerName: 'EPSON TM-T20III',
      paper: { receipt: 'roll', card: 'letter' },
    });
  });

  it('lets COMPTOIR_DB choose the database', () => {
    const dir = folderWith(JSON.stringify({ databaseFile: 'poste-1.sqlite' }));
    expect(loadDeskConfig(dir, { COMPTOIR_DB: 'data/demo.sqlite' }).databaseFile).toBe(resolve('data/demo.sqlite'));
  });

  it('says in French what is wrong, field by field', () => {
    const message = failure(
      folderWith(JSON.stringify({ language: 'de', updateFeedUrl: 'http://mises-a-jour.exemple.org/', printerName: '', receiptPaper: '58mm', imprimante: 'x' })),
    );
    expect(message).toContain('Le fichier de configuration du poste est invalide');
    expect(message).toContain('« language » : la langue doit être « fr » ou « en »');
    expect(message).toContain('« updateFeedUrl » : une adresse https://… est attendue');
    expect(message).toContain('« printerName » : le nom de l’imprimante est vide');
    expect(message).toContain('« imprimante » : réglage inconnu');
    expect(message).toContain('« receiptPaper » : le papier des reçus est « letter » (lettre) ou « roll » (rouleau de 80 mm)');
    expect(message).toContain('réglages permis : databaseFile, language, updateFeedUrl, printerName, receiptPaper, cardPaper');
  });

  it('says so when the file is not JSON, or not an object', () => {
    expect(failure(folderWith('{ "language": "fr", }'))).toContain('n’est pas du JSON valide');
    expect(failure(folderWith('["fr"]'))).toContain('le fichier doit contenir un objet JSON');
  });
});
