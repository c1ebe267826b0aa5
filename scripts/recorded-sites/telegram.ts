import { escapeHtml, type RecordedSite } from './page.js';

/**
 * t.me/s/<channel>: the public web preview of two channels, as Telegram renders it: a photo post without text
 * (left out by the reader) and text posts whose first line stands for a title. Times are Telegram's, in UTC.
 */

interface Post {
  id: number;
  lines: string[];
  /** ISO 8601 in UTC, as Telegram writes it. */
  time: string;
  views: string;
}

interface Channel {
  name: string;
  title: string;
  /** A photo without text, the oldest post on the page. */
  photo: { id: number; time: string };
  posts: Post[];
}

const channels: Channel[] = [
  {
    name: 'POLICE_of_KZ',
    title: 'Полиция Казахстана',
    photo: { id: 18230, time: '2025-09-26T06:15:00+00:00' },
    posts: [
      {
        id: 18231,
        time: '2025-09-26T06:15:00+00:00',
        views: '12.4K',
        lines: [
          '🚨 В Павлодарской области полицейские изъяли 6 килограммов марихуаны',
          'В ходе ОПМ «Мак» сотрудники отдела по борьбе с наркопреступностью задержали 42-летнего местного жителя, в гараже которого хранилась высушенная марихуана.',
          'Начато досудебное расследование. Подозреваемый водворен в ИВС.',
          '#ПолицияКазахстана #МВД',
        ],
      },
      {
        id: 18240,
        time: '2025-09-27T09:40:00+00:00',
        views: '9.1K',
        lines: [
          'Қостанай облысында полицейлер 3 келі синтетикалық есірткі тәркіледі',
          'Есірткі қылмысына қарсы күрес басқармасының қызметкерлері есірткіні интернет арқылы таратқан күдіктіні ұстады.',
          'Сотқа дейінгі тергеп-тексеру басталды.',
          '#ҚазақстанПолициясы',
        ],
      },
    ],
  },
  {
    name: 'IrinaVolk_MVD',
    title: 'Ирина Волк',
    photo: { id: 9911, time: '2025-09-25T08:05:00+00:00' },
    posts: [
      {
        id: 9912,
        time: '2025-09-25T08:05:00+00:00',
        views: '48.2K',
        lines: [
          'Ирина Волк: В Санкт-Петербурге пресечен канал поставки кокаина из Южной Америки',
          'Сотрудники ГУНК МВД России совместно с коллегами из ФТС России изъяли более 100 килограммов кокаина, спрятанного в партии бананов.',
          'Возбуждено уголовное дело по статье 229.1 УК РФ. Задержаны организатор и двое соучастников.',
        ],
      },
      {
        id: 9920,
        time: '2025-09-26T13:30:00+00:00',
        views: '35.7K',
        lines: [
          'Ирина Волк: Полицейские Новосибирской области задержали подозреваемого в сбыте синтетических наркотиков',
          'При обыске по месту жительства задержанного изъято около 2 килограммов мефедрона и электронные весы.',
        ],
      },
    ],
  },
];

const clockOf = (time: string) => time.slice(11, 16);

function dateLink(channel: Channel, id: number, time: string): string {
  return `<a class="tgme_widget_message_date" href="https://t.me/${channel.name}/${id}"><time datetime="${time}" class="time">${clockOf(time)}</time></a>`;
}

function photoPost(channel: Channel): string {
  const { id, time } = channel.photo;
  return `    <div class="tgme_widget_message_wrap js-widget_message_wrap">
      <div class="tgme_widget_message js-widget_message" data-post="${channel.name}/${id}">
        <div class="tgme_widget_message_bubble"><a class="tgme_widget_message_photo_wrap" href="https://t.me/${channel.name}/${id}" style="background-image:url('https://cdn4.cdn-telegram.org/file/photo.jpg')"></a>
          <div class="tgme_widget_message_footer"><span class="tgme_widget_message_meta">${dateLink(channel, id, time)}</span></div></div>
      </div>
    </div>`;
}

function textPost(channel: Channel, post: Post): string {
  return `    <div class="tgme_widget_message_wrap js-widget_message_wrap">
      <div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="${channel.name}/${post.id}" data-view="eyJjIjoxfQ">
        <div class="tgme_widget_message_user"><a href="https://t.me/${channel.name}"><i class="tgme_widget_message_user_photo"></i></a></div>
        <div class="tgme_widget_message_bubble">
          <div class="tgme_widget_message_author"><a class="tgme_widget_message_owner_name" href="https://t.me/${channel.name}"><span dir="auto">${escapeHtml(channel.title)}</span></a></div>
          
          <div class="tgme_widget_message_text js-message_text" dir="auto">${post.lines.map(escapeHtml).join('<br/>')}</div>
          <div class="tgme_widget_message_footer compact js-message_footer">
            <div class="tgme_widget_message_info short js-message_info">
              <span class="tgme_widget_message_views">${post.views}</span>
              <span class="tgme_widget_message_meta">${dateLink(channel, post.id, post.time)}</span>
            </div>
          </div>
        </div>
      </div>
    </div>`;
}

function channelPage(channel: Channel): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(channel.title)} – Telegram</title>
  <meta property="og:title" content="${escapeHtml(channel.title)}">
  <meta property="og:site_name" content="Telegram">
  <meta property="og:url" content="https://t.me/s/${channel.name}">
</head>
<body class="widget_frame_base tgme_webpreview_body">
<div class="tgme_page_wrap">
  <header class="tgme_header"><div class="tgme_header_info"><div class="tgme_channel_info_header_title"><span dir="auto">${escapeHtml(channel.title)}</span></div>
    <div class="tgme_channel_info_header_username"><a href="https://t.me/${channel.name}">@${channel.name}</a></div></div></header>
  <main class="tgme_main">
    <section class="tgme_channel_history js-message_history">
    <div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/${channel.name}?before=${channel.photo.id}" class="tme_messages_more js-messages_more" data-before="${channel.photo.id}"></a></div>
${[photoPost(channel), ...channel.posts.map((post) => textPost(channel, post))].join('\n')}
    </section>
  </main>
</div>
</body>
</html>
`;
}

export function telegram(): RecordedSite {
  return {
    host: 't.me',
    files: channels.map((channel) => ({
      path: `s/${channel.name}.html`,
      originalUrl: `https://t.me/s/${channel.name}`,
      content: channelPage(channel),
    })),
  };
}
